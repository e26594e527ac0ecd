namespace ImageProcessing.Function.Processing;

/// <summary>
/// The one status vocabulary: verdicts (<see cref="Processed"/>, <see cref="Rejected"/>), the record of an
/// upload in progress (<see cref="Processing"/>) and what handling an event can end in otherwise. The
/// lowercase names (<see cref="UploadStatuses.Name"/>) are the public contract in records, notifications,
/// metrics and the <c>process</c> command.
/// </summary>
public enum UploadStatus
{
    /// <summary>An attempt has started and no verdict is recorded yet.</summary>
    Processing,

    /// <summary>Outputs were written.</summary>
    Processed,

    /// <summary>Refused with a reason code; the source is kept and tagged.</summary>
    Rejected,

    /// <summary>The version already has a verdict (a redelivery, or a concurrent delivery finished first).</summary>
    Duplicate,

    /// <summary>Not work for this function: outside the input prefix, not an object-created event, or gone.</summary>
    Skipped,

    /// <summary>An event the function must not act on (another bucket); a security alert is raised.</summary>
    Refused,

    /// <summary>An unexpected error: the message is retried and finally kept in the dead-letter queue.</summary>
    Failed,
}
