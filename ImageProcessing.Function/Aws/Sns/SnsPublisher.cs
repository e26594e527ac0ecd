using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace ImageProcessing.Function.Aws.Sns;

/// <summary>Publishes messages to Amazon SNS topics.</summary>
public interface ISnsPublisher
{
    /// <summary>Publishes one message and returns the MessageId assigned by SNS. Never retries.</summary>
    /// <exception cref="SnsException">SNS rejected the request, or it could not be sent or answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<string> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default);
}

/// <summary>An SNS Publish call. Message attributes are sent with DataType <c>String</c>.</summary>
public sealed record SnsPublishRequest(
    string TopicArn,
    string Message,
    string? Subject = null,
    IReadOnlyDictionary<string, string>? MessageAttributes = null,
    string? MessageGroupId = null,
    string? MessageDeduplicationId = null);

/// <summary>Optional settings for <see cref="SnsPublisher"/>.</summary>
public sealed class SnsPublisherOptions
{
    /// <summary>Credentials to sign with; when null, the AWS SDK default chain is used (environment, profile, container, instance metadata).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Region used only when the topic ARN carries none.</summary>
    public string? Region { get; init; }

    /// <summary>Endpoint to post to; wins over <c>AWS_ENDPOINT_URL_SNS</c> and <c>AWS_ENDPOINT_URL</c>.</summary>
    public Uri? ServiceUrl { get; init; }
}

/// <summary>
/// Failure of an SNS Publish call. <see cref="IsTransient"/> tells the caller whether retrying may succeed.
/// Transport failures and timeouts are wrapped here too (<see cref="TransportErrorCode"/>, <see cref="TimeoutErrorCode"/>,
/// both transient, the original exception as <see cref="Exception.InnerException"/>); as they may happen after SNS
/// accepted the message, a retry can publish it twice.
/// </summary>
public sealed class SnsException : Exception
{
    /// <summary>The request could not be sent, or its response could not be read.</summary>
    public const string TransportErrorCode = "TransportError";

    /// <summary>The <see cref="HttpClient"/> timeout elapsed.</summary>
    public const string TimeoutErrorCode = "Timeout";

    /// <summary>A success status came with a body that holds no MessageId.</summary>
    public const string InvalidResponseErrorCode = "InvalidResponse";

    private static readonly HashSet<string> TransientErrorCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ServiceUnavailable", "InternalError", "KMSThrottling",
    };

    /// <summary>Creates an exception for a failed Publish call.</summary>
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

/// <summary>
/// SNS Publish over the Query API, signed with the AWS SDK's public SigV4 signer (<see cref="AWSSigV4Signer"/>).
/// The endpoint is <see cref="SnsPublisherOptions.ServiceUrl"/>, else <c>AWS_ENDPOINT_URL_SNS</c>, else <c>AWS_ENDPOINT_URL</c>
/// (both ignored when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), else <c>https://sns.{region}.{partition DNS suffix}</c>
/// with the region taken from the topic ARN. The injected <see cref="HttpClient"/> is not disposed by this class.
/// </summary>
public sealed class SnsPublisher : ISnsPublisher
{
    private const string ServiceName = "sns";
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly HttpClient _httpClient;
    private readonly string? _configuredRegion;
    private readonly Uri? _configuredEndpoint;
    private AWSCredentials? _credentials;

    /// <summary>Creates a publisher that sends through <paramref name="httpClient"/>.</summary>
    public SnsPublisher(HttpClient httpClient, SnsPublisherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _credentials = options?.Credentials;
        _configuredRegion = options?.Region;
        _configuredEndpoint = options?.ServiceUrl ?? ConfiguredEndpoint(Environment.GetEnvironmentVariable);
    }

    /// <inheritdoc />
    /// <remarks>Credential resolution failures surface unwrapped as the SDK's <see cref="AmazonClientException"/>.</remarks>
    public async Task<string> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.TopicArn, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.Message, nameof(request));

        var region = RegionFromTopicArn(request.TopicArn) ?? _configuredRegion
            ?? throw new ArgumentException($"Cannot determine the region of topic '{request.TopicArn}'; configure one.", nameof(request));
        var result = await SendAsync(region, BuildForm(request), cancellationToken);
        var messageId = result.Element(result.Name.Namespace + "MessageId")?.Value;
        return !string.IsNullOrEmpty(messageId)
            ? messageId
            : throw new SnsException("SNS Publish succeeded without a MessageId in the response.", SnsException.InvalidResponseErrorCode, HttpStatusCode.OK, null, isTransient: false);
    }

    /// <summary>
    /// Sends any SNS Query API action (e.g. <c>CreateTopic</c>, <c>Subscribe</c> when provisioning a local
    /// environment) and returns its <c>{Action}Result</c> element.
    /// </summary>
    public Task<XElement> InvokeAsync(string action, string region, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(parameters);
        var form = new StringBuilder("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=2010-03-31");
        foreach (var (name, value) in parameters)
        {
            Append(form, name, value);
        }

        return SendAsync(region, form.ToString(), cancellationToken);
    }

    private async Task<XElement> SendAsync(string region, string form, CancellationToken cancellationToken)
    {
        var endpoint = _configuredEndpoint ?? DefaultEndpoint(region);
        var body = Encoding.UTF8.GetBytes(form);
        var action = form[(form.IndexOf('=', StringComparison.Ordinal) + 1)..form.IndexOf('&', StringComparison.Ordinal)];

        // The default chain probes env, profiles and instance metadata: resolve once, lazily, off the constructor.
        _credentials ??= await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
        var signingRequest = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = body };
        signingRequest.Headers["Content-Type"] = FormContentType;
        var signature = await AWSSigV4Signer.SignAsync(
            signingRequest,
            new AWSSigV4Parameters { Credentials = _credentials, Region = RegionEndpoint.GetBySystemName(region), Service = ServiceName },
            cancellationToken);

        using var httpRequest = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        httpRequest.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(FormContentType);
        foreach (var (name, value) in signature.Headers)
        {
            httpRequest.Headers.TryAddWithoutValidation(name, value);
        }

        HttpStatusCode status;
        string responseBody;
        string? headerRequestId;
        try
        {
            using var response = await _httpClient.SendAsync(httpRequest, cancellationToken);
            status = response.StatusCode;
            headerRequestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SnsException($"SNS {action} timed out.", SnsException.TimeoutErrorCode, null, null, isTransient: true, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new SnsException($"SNS {action} could not be sent: {ex.Message}", SnsException.TransportErrorCode, null, null, isTransient: true, ex);
        }

        var root = TryParseXml(responseBody);
        var ns = root?.Name.Namespace ?? XNamespace.None;
        if ((int)status is >= 200 and < 300)
        {
            return root?.Element(ns + action + "Result")
                ?? throw new SnsException($"SNS {action} succeeded without a result in the response.", SnsException.InvalidResponseErrorCode, status, headerRequestId, isTransient: false);
        }

        var error = root?.Name.LocalName == "ErrorResponse" ? root.Element(ns + "Error") : null;
        var errorCode = NullIfEmpty(error?.Element(ns + "Code")?.Value) ?? $"Http{(int)status}";
        var errorMessage = NullIfEmpty(error?.Element(ns + "Message")?.Value) ?? $"HTTP {(int)status} {status}";
        var requestId = NullIfEmpty(root?.Element(ns + "RequestId")?.Value) ?? headerRequestId;
        throw new SnsException(
            $"SNS {action} failed ({errorCode}): {errorMessage}",
            errorCode,
            status,
            requestId,
            SnsException.IsTransientError(status, errorCode));
    }

    internal static Uri? ConfiguredEndpoint(Func<string, string?> getEnvironmentVariable)
    {
        if (string.Equals(getEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var url = NullIfEmpty(getEnvironmentVariable("AWS_ENDPOINT_URL_SNS")) ?? NullIfEmpty(getEnvironmentVariable("AWS_ENDPOINT_URL"));
        return url is null ? null : new Uri(url, UriKind.Absolute);
    }

    internal static Uri DefaultEndpoint(string region) =>
        new($"https://{ServiceName}.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}/");

    /// <summary>arn:PARTITION:sns:REGION:ACCOUNT:NAME → REGION, or null when it is not an SNS ARN.</summary>
    internal static string? RegionFromTopicArn(string topicArn)
    {
        var parts = topicArn.Split(':');
        var region = parts.Length >= 6 && parts[0] == "arn" && parts[2] == ServiceName ? parts[3] : "";
        // The region becomes part of the endpoint host name, so only accept region-shaped values.
        return region.Length > 0 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? region : null;
    }

    internal static string BuildForm(SnsPublishRequest request)
    {
        var form = new StringBuilder("Action=Publish&Version=2010-03-31");
        Append(form, "TopicArn", request.TopicArn);
        Append(form, "Message", request.Message);
        Append(form, "Subject", request.Subject);
        Append(form, "MessageGroupId", request.MessageGroupId);
        Append(form, "MessageDeduplicationId", request.MessageDeduplicationId);

        var index = 0;
        foreach (var (name, value) in request.MessageAttributes?.OrderBy(a => a.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            var prefix = "MessageAttributes.entry." + (++index).ToString(CultureInfo.InvariantCulture);
            Append(form, prefix + ".Name", name);
            Append(form, prefix + ".Value.DataType", "String");
            Append(form, prefix + ".Value.StringValue", value);
        }

        return form.ToString();
    }

    private static void Append(StringBuilder form, string name, string? value)
    {
        if (value is not null)
        {
            // RFC 3986 encoding, as SigV4 and the SDKs use: spaces become %20, never '+'.
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static XElement? TryParseXml(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            return null; // e.g. an HTML page from a proxy or load balancer
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
