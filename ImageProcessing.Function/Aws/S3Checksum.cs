using Amazon.S3;

namespace ImageProcessing.Function.Aws;

/// <summary>The SHA-256 of a whole object, where S3 holds it as the object's checksum.</summary>
/// <remarks>
/// S3 keeps a SHA-256 checksum when the uploader sent one, and refuses the upload when the bytes do not match it, so
/// the value describes the stored object. A multipart upload's SHA-256 is a checksum of its parts' checksums
/// (<c>COMPOSITE</c>, written <c>base64-N</c>), not the object's; it is not used.
/// </remarks>
internal static class S3Checksum
{
    private const int Sha256Bytes = 32;

    /// <summary>The digest as lowercase hex, or null when S3 has no full-object SHA-256 for the object.</summary>
    public static string? FullObjectSha256(string? checksumSha256, ChecksumType? checksumType)
    {
        if (string.IsNullOrEmpty(checksumSha256) || checksumType == ChecksumType.COMPOSITE)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[Sha256Bytes + 1];
        return Convert.TryFromBase64String(checksumSha256, digest, out var written) && written == Sha256Bytes
            ? Convert.ToHexStringLower(digest[..Sha256Bytes])
            : null;
    }
}
