using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Handling.Ports;

/// <summary>The upload bucket as the function uses it.</summary>
public interface IObjectStore
{
    /// <summary>The object's metadata, or null when it no longer exists.</summary>
    Task<StoredObject?> HeadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken);

    /// <summary>
    /// The object's bytes, never more than <paramref name="maxBytes"/> + 1 of them (Content is then null).
    /// Null when the object was deleted or, in an unversioned bucket, replaced since <paramref name="source"/> was read.
    /// </summary>
    Task<(byte[]? Content, long BytesRead)?> ReadAsync(StoredObject source, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Writes an output, encrypted with the pipeline's key and linked to its source in metadata.</summary>
    Task PutOutputAsync(StoredObject source, ProcessedOutput output, CancellationToken cancellationToken);

    /// <summary>Quarantines a rejected source by tag; the object is kept, and other tags are preserved.</summary>
    Task TagRejectedAsync(StoredObject source, string reason, CancellationToken cancellationToken);
}
