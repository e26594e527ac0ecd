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

/// <summary>
/// The SNS Query API: a form-encoded POST signed with the AWS SDK's public SigV4 signer (<see cref="AWSSigV4Signer"/>),
/// answered in XML. The endpoint is <see cref="SnsClientOptions.ServiceUrl"/>, else <c>AWS_ENDPOINT_URL_SNS</c>, else
/// <c>AWS_ENDPOINT_URL</c> (both ignored when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), else
/// <c>https://sns.{region}.{partition DNS suffix}</c>. The injected <see cref="HttpClient"/> is not disposed by this class.
/// </summary>
public sealed class SnsQueryClient
{
    private const string ServiceName = "sns";
    private const string ApiVersion = "2010-03-31";
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly HttpClient _httpClient;
    private readonly Uri? _configuredEndpoint;
    private AWSCredentials? _credentials;

    public SnsQueryClient(HttpClient httpClient, SnsClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _credentials = options?.Credentials;
        Region = options?.Region;
        _configuredEndpoint = options?.ServiceUrl ?? ConfiguredEndpoint(Environment.GetEnvironmentVariable);
    }

    /// <summary>The configured region, if any.</summary>
    public string? Region { get; }

    /// <summary>Sends one action (e.g. <c>Publish</c>, <c>CreateTopic</c>) and returns its <c>{Action}Result</c> element.</summary>
    /// <remarks>Credential resolution failures surface unwrapped as the SDK's <see cref="AmazonClientException"/>.</remarks>
    /// <exception cref="SnsException">SNS refused the request, or it could not be sent or answered.</exception>
    public async Task<XElement> InvokeAsync(string action, string region, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(parameters);
        var endpoint = _configuredEndpoint ?? DefaultEndpoint(region);
        var body = Encoding.UTF8.GetBytes(BuildForm(action, parameters));

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

        return ResultOf(action, status, responseBody, headerRequestId);
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

    /// <summary>The form body; parameters with a null value are left out.</summary>
    internal static string BuildForm(string action, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var form = new StringBuilder("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(ApiVersion);
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                // RFC 3986 encoding, as SigV4 and the SDKs use: spaces become %20, never '+'.
                form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return form.ToString();
    }

    private static XElement ResultOf(string action, HttpStatusCode status, string responseBody, string? headerRequestId)
    {
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
