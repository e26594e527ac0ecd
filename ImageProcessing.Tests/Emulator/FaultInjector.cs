using System.Net;
using Amazon.Runtime;

namespace ImageProcessing.Tests.Emulator;

/// <summary>
/// Sits between the AWS SDK clients and the emulator and answers chosen requests with faults, the way
/// S3 or DynamoDB answer when throttling or failing.
/// </summary>
internal sealed class FaultInjector : HttpClientFactory
{
    private readonly List<Fault> _faults = [];

    /// <summary>Answers the next <paramref name="times"/> matching requests with the response <paramref name="respond"/> makes.</summary>
    public void Inject(Func<HttpRequestMessage, string, bool> matches, int times, Func<HttpResponseMessage> respond)
    {
        lock (_faults)
        {
            _faults.Add(new Fault(matches, times, respond));
        }
    }

    /// <summary>
    /// Runs <paramref name="observe"/> when the next matching request is sent, then lets that request through:
    /// for a test that acts at a precise point of the pipeline (a deadline, say) without faulting a call.
    /// </summary>
    public void WhenRequested(Func<HttpRequestMessage, bool> matches, Action observe)
    {
        lock (_faults)
        {
            _hooks.Add(new Hook(matches, observe));
        }
    }

    public int Injected { get; private set; }

    /// <summary>Every request the SDK clients sent, as "METHOD path?query", so tests can tell what was (not) called.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_faults)
            {
                return [.. _requests];
            }
        }
    }

    private readonly List<string> _requests = [];
    private readonly List<Hook> _hooks = [];

    public void Clear()
    {
        lock (_faults)
        {
            _faults.Clear();
            _hooks.Clear();
        }
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this, new HttpClientHandler()));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public static HttpResponseMessage S3SlowDown() => Xml(HttpStatusCode.ServiceUnavailable,
        "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");

    public static HttpResponseMessage DynamoDbThrottled() => new(HttpStatusCode.BadRequest)
    {
        Content = new StringContent(
            """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Rate exceeded"}""",
            System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
    };

    public static HttpResponseMessage SnsInternalError() => Xml(HttpStatusCode.InternalServerError,
        "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>boom</Message></Error><RequestId>r</RequestId></ErrorResponse>");

    private static HttpResponseMessage Xml(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml") };

    private HttpResponseMessage? TakeFault(HttpRequestMessage request, string body)
    {
        lock (_faults)
        {
            _requests.Add($"{request.Method} {request.RequestUri?.PathAndQuery}");
            if (_hooks.FirstOrDefault(hook => hook.Matches(request)) is { } hook)
            {
                _hooks.Remove(hook);
                hook.Observe();
            }

            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Matches(request, body));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            Injected++;
            return fault.Respond();
        }
    }

    private sealed class Fault(Func<HttpRequestMessage, string, bool> matches, int times, Func<HttpResponseMessage> respond)
    {
        public Func<HttpRequestMessage, string, bool> Matches { get; } = matches;
        public int Remaining { get; set; } = times;
        public Func<HttpResponseMessage> Respond { get; } = respond;
    }

    private sealed record Hook(Func<HttpRequestMessage, bool> Matches, Action Observe);

    private sealed class Handler(FaultInjector injector, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // JSON and form APIs (DynamoDB, SNS) are matched by body; S3 by method and path.
            var mediaType = request.Content?.Headers.ContentType?.MediaType ?? string.Empty;
            var body = mediaType.Contains("json", StringComparison.Ordinal) || mediaType.Contains("form", StringComparison.Ordinal)
                ? await request.Content!.ReadAsStringAsync(cancellationToken)
                : string.Empty;
            return injector.TakeFault(request, body) ?? await base.SendAsync(request, cancellationToken);
        }
    }
}
