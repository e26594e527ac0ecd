using System.Net;

namespace ImageProcessing.Function.Aws.Sns;

/// <summary>
/// Failure of an SNS call. <see cref="IsTransient"/> tells the caller whether retrying may succeed.
/// Transport failures and timeouts are wrapped here too (<see cref="TransportErrorCode"/>, <see cref="TimeoutErrorCode"/>,
/// both transient, the original exception as <see cref="Exception.InnerException"/>); as they may happen after SNS
/// accepted a message, a retried Publish can deliver it twice.
/// </summary>
public sealed class SnsException : Exception
{
    /// <summary>The request could not be sent, or its response could not be read.</summary>
    public const string TransportErrorCode = "TransportError";

    /// <summary>The <see cref="HttpClient"/> timeout elapsed.</summary>
    public const string TimeoutErrorCode = "Timeout";

    /// <summary>A success status came with a body that holds no result.</summary>
    public const string InvalidResponseErrorCode = "InvalidResponse";

    private static readonly HashSet<string> TransientErrorCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ServiceUnavailable", "InternalError", "KMSThrottling",
    };

    /// <summary>Creates an exception for a failed SNS call.</summary>
    public SnsException(string message, string errorCode, HttpStatusCode? statusCode, string? requestId, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        IsTransient = isTransient;
    }

    /// <summary>The SNS error code (e.g. <c>NotFound</c>), one of the <c>*ErrorCode</c> constants, or <c>HttpNNN</c> for an error response without an SNS error body.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the response; null when none was received.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The AWS request id, when the response carried one.</summary>
    public string? RequestId { get; }

    /// <summary>True for throttling, 5xx, 429, transport failures and timeouts.</summary>
    public bool IsTransient { get; }

    internal static bool IsTransientError(HttpStatusCode statusCode, string errorCode) =>
        (int)statusCode >= 500 || statusCode == HttpStatusCode.TooManyRequests || TransientErrorCodes.Contains(errorCode);
}
