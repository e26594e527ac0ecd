using ImageProcessing.Function.Handling;

namespace ImageProcessing.Function.Aws;

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

/// <summary>Announces outcomes on the image-events topic and rejections on the security-alerts topic too.</summary>
public interface IImageEventPublisher
{
    Task PublishOutcomeAsync(ImageRecord record, CancellationToken cancellationToken);

    Task PublishSecurityAlertAsync(SecurityAlert alert, CancellationToken cancellationToken);
}

/// <summary>Something the security team should see: a rejected upload or a refused event.</summary>
public sealed record SecurityAlert(string Kind, string Summary, string Bucket, string Key, string? Reason, string? Detail, string EventId);
