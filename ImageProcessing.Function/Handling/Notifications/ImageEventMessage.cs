using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>The JSON published on the image-events topic (format in docs/contracts.md).</summary>
public sealed record ImageEventMessage(
    string EventId,
    string Type,
    string Status,
    string? Reason,
    string? Message,
    string Bucket,
    string SourceKey,
    string SourceVersion,
    SourceDescription? Source,
    IReadOnlyList<OutputSummary> Outputs,
    DateTimeOffset? CompletedAt)
{
    public static ImageEventMessage From(ImageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.EventId,
            "image." + record.Status.Name(),
            record.Status.Name(),
            record.Reason,
            record.Message,
            record.Source.Bucket,
            record.Source.Key,
            record.Source.Version,
            record.Description,
            record.Outputs,
            record.CompletedAt);
    }
}
