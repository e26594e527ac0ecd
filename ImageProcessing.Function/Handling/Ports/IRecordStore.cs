namespace ImageProcessing.Function.Handling.Ports;

/// <summary>The records table: one item per source version, written so that the first final writer wins.</summary>
public interface IRecordStore
{
    Task<ImageRecord?> GetAsync(SourceVersion source, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the version as being processed and counts the attempt. Returns the attempt number, or null
    /// when a final record already exists.
    /// </summary>
    Task<int?> StartAttemptAsync(SourceVersion source, RecordContext context, CancellationToken cancellationToken);

    /// <summary>Writes the final record unless another writer finished first; returns whether this one won.</summary>
    Task<bool> CompleteAsync(ImageRecord record, CancellationToken cancellationToken);

    Task MarkNotifiedAsync(SourceVersion source, CancellationToken cancellationToken);
}
