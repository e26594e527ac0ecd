namespace ImageProcessing.Function.Handling;

public static class OutcomeStatus
{
    public const string Processed = "processed";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public const string Skipped = "skipped";
    public const string Refused = "refused";
}

/// <summary>What happened to one S3 event record.</summary>
public sealed record UploadOutcome(string Key, string Status, string? Reason = null);

/// <summary>The attempt being handled: ids for logs and records.</summary>
public sealed record InvocationInfo(string RequestId, string MessageId, int ReceiveCount);

/// <summary>An event that can never be processed as it is; it goes to the dead-letter queue after the retries.</summary>
public sealed class MalformedEventException(string message, Exception? inner = null) : Exception(message, inner);
