using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Handling;

/// <summary>The DynamoDB record of one source version, and the content of its notification.</summary>
public sealed record ImageRecord
{
    public required SourceVersion Source { get; init; }
    public required UploadStatus Status { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }

    /// <summary>What was learned about the upload's content; null while it is being processed.</summary>
    public SourceDescription? Description { get; init; }

    public IReadOnlyList<OutputSummary> Outputs { get; init; } = [];
    public int Attempts { get; init; }
    public string? RequestId { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public double? DurationMs { get; init; }
    public long ExpiresAt { get; init; }
    public bool Notified { get; init; }

    /// <summary>The <see cref="Rules.RuleSet.Fingerprint"/> of the rules that made this verdict.</summary>
    public string? RulesFingerprint { get; init; }

    /// <summary>Shared by the record and its notification: subscribers drop duplicates by it.</summary>
    public string EventId => RulesFingerprint is null ? Source.EventId : Source.EventIdFor(RulesFingerprint);

    public static ImageRecord From(SourceVersion source, ProcessingResult result, RecordContext context) => new()
    {
        Source = source,
        Status = result.Status,
        Reason = result.Rejection?.Code,
        Message = result.Rejection?.Message,
        Description = result.Source,
        Outputs = [.. result.Outputs.Select(output => output.Summary)],
        Attempts = context.Attempt,
        RequestId = context.RequestId,
        ReceivedAt = context.ReceivedAt,
        CompletedAt = context.Now,
        DurationMs = Math.Round((context.Now - context.ReceivedAt).TotalMilliseconds, 1),
        ExpiresAt = context.ExpiresAt,
        RulesFingerprint = context.RulesFingerprint,
    };
}
