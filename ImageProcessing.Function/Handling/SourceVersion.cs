using System.Security.Cryptography;
using System.Text;

namespace ImageProcessing.Function.Handling;

/// <summary>Identifies one version of one uploaded object: the unit of idempotency.</summary>
/// <param name="Version">The S3 version id, or the ETag when the bucket is not versioned.</param>
public sealed record SourceVersion(string Bucket, string Key, string Version)
{
    /// <summary>A stable id for everything derived from this version (record, notifications): subscribers drop duplicates by it.</summary>
    public string EventId => Hash($"{Bucket}/{Key}#{Version}");

    /// <summary>The id of what these rules made of this version: a reprocessing under new rules is a new event.</summary>
    public string EventIdFor(string rulesFingerprint) => Hash($"{Bucket}/{Key}#{Version}#{rulesFingerprint}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
