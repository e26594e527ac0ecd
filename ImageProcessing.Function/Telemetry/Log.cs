using Microsoft.Extensions.Logging;

namespace ImageProcessing.Function.Telemetry;

/// <summary>
/// Every log line the function writes. Keys, codes and sizes only: never image bytes, message bodies,
/// credentials or signed URLs.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Upload {Key} {Status} {Reason} in {DurationMs} ms (message {MessageId}, attempt {ReceiveCount})")]
    public static partial void Outcome(ILogger logger, string key, string status, string? reason, double durationMs, string messageId, int receiveCount);

    [LoggerMessage(2, LogLevel.Information, "Skipped {Key}: {Cause} (message {MessageId})")]
    public static partial void Skipped(ILogger logger, string key, string cause, string messageId);

    [LoggerMessage(3, LogLevel.Warning, "Refused event for bucket {Bucket}, key {Key}: only {ExpectedBucket} is processed (message {MessageId})")]
    public static partial void WrongBucket(ILogger logger, string bucket, string key, string expectedBucket, string messageId);

    [LoggerMessage(4, LogLevel.Error, "Message {MessageId} failed on attempt {ReceiveCount} and will be retried ({ErrorType}: {Error})")]
    public static partial void MessageFailed(ILogger logger, string messageId, int receiveCount, string errorType, string error, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Message {MessageId} acknowledged without work: {Cause}")]
    public static partial void Acknowledged(ILogger logger, string messageId, string cause);

    [LoggerMessage(6, LogLevel.Warning, "Invocation cancelled: {Count} messages left for redelivery")]
    public static partial void Cancelled(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Information, "Batch of {Count} messages: {Failures} failed")]
    public static partial void Batch(ILogger logger, int count, int failures);

    [LoggerMessage(8, LogLevel.Information, "JPEG renditions smaller than their source decode with {Decoder}")]
    public static partial void JpegDecoder(ILogger logger, string decoder);

    [LoggerMessage(9, LogLevel.Information, "WebP uploads decode with {Decoder}")]
    public static partial void WebpDecoder(ILogger logger, string decoder);
}
