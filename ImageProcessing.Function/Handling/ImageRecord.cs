using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Handling;

/// <summary>Identifies one version of one uploaded object: the unit of idempotency.</summary>
/// <param name="Version">The S3 version id, or the ETag when the bucket is not versioned.</param>
public sealed record SourceVersion(string Bucket, string Key, string Version)
{
    /// <summary>A stable id for everything derived from this version (record, notifications): subscribers drop duplicates by it.</summary>
    public string EventId => Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Bucket}/{Key}#{Version}")))[..32];
}

public static class RecordStatus
{
    public const string Processing = "processing";
    public const string Processed = "processed";
    public const string Rejected = "rejected";

    public static bool IsFinal(string? status) => status is Processed or Rejected;
}

/// <summary>One output as recorded and announced (no bytes).</summary>
public sealed record OutputSummary(string Key, string Rendition, string Format, int Width, int Height, long Bytes);

/// <summary>The DynamoDB record of one source version, and the content of its notification.</summary>
public sealed record ImageRecord
{
    public required SourceVersion Source { get; init; }
    public required string Status { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
    public string? SourceFormat { get; init; }
    public long? SourceBytes { get; init; }
    public int? SourceWidth { get; init; }
    public int? SourceHeight { get; init; }
    public string? SourceSha256 { get; init; }
    public IReadOnlyList<OutputSummary> Outputs { get; init; } = [];
    public int Attempts { get; init; }
    public string? RequestId { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public double? DurationMs { get; init; }
    public long ExpiresAt { get; init; }
    public bool Notified { get; init; }

    public static ImageRecord From(SourceVersion source, ProcessingResult result, RecordContext context) => new()
    {
        Source = source,
        Status = result.Status == ProcessingStatus.Processed ? RecordStatus.Processed : RecordStatus.Rejected,
        Reason = result.Rejection?.Code,
        Message = result.Rejection?.Message,
        SourceFormat = result.Source.Format?.Name(),
        SourceBytes = result.Source.Bytes,
        SourceWidth = result.Source.Width,
        SourceHeight = result.Source.Height,
        SourceSha256 = result.Source.Sha256,
        Outputs = [.. result.Outputs.Select(o => new OutputSummary(o.Key, o.Rendition, o.Format.Name(), o.Width, o.Height, o.Bytes))],
        Attempts = context.Attempt,
        RequestId = context.RequestId,
        ReceivedAt = context.ReceivedAt,
        CompletedAt = context.Now,
        DurationMs = Math.Round((context.Now - context.ReceivedAt).TotalMilliseconds, 1),
        ExpiresAt = context.ExpiresAt,
    };
}

/// <summary>Facts about the current attempt that go into the record.</summary>
public sealed record RecordContext(string RequestId, int Attempt, DateTimeOffset ReceivedAt, DateTimeOffset Now, long ExpiresAt);
