namespace ImageProcessing.Function.Handling.Ports;

/// <summary>An object as HEAD describes it.</summary>
/// <param name="Metadata">User metadata, names without the <c>x-amz-meta-</c> prefix.</param>
public sealed record StoredObject(
    string Bucket,
    string Key,
    long ContentLength,
    string? VersionId,
    string ETag,
    IReadOnlyDictionary<string, string> Metadata);
