namespace ImageProcessing.Function.Handling.Ports;

/// <summary>An object as HEAD describes it.</summary>
/// <param name="Metadata">User metadata, names without the <c>x-amz-meta-</c> prefix.</param>
/// <param name="KmsKeyId">The KMS key the object is encrypted with (SSE-KMS), as S3 names it; null otherwise.</param>
/// <param name="NeedsCustomerKey">S3 refuses to describe or return the object without the key its uploader provided (SSE-C).</param>
/// <param name="IsArchived">In an archive storage class or tier (Glacier Flexible Retrieval, Deep Archive) and not restored.</param>
/// <param name="Sha256">The SHA-256 of the whole object as lowercase hex, where the store verified it when the object
/// was written (an uploader's checksum); null where the store has none, and the body must be hashed.</param>
public sealed record StoredObject(
    string Bucket,
    string Key,
    long ContentLength,
    string? VersionId,
    string ETag,
    IReadOnlyDictionary<string, string> Metadata,
    string? KmsKeyId = null,
    bool NeedsCustomerKey = false,
    bool IsArchived = false,
    string? Sha256 = null);
