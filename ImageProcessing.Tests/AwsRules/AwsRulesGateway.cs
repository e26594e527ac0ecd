using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>
/// Stands in front of the emulator for every emulator test: each request (from the tests, the function, the
/// local host or the app host) is checked against AWS's documented limits first. A request AWS would refuse is
/// refused here too, with the error AWS would send and the limit named, and kept in <see cref="Violations"/>.
/// </summary>
internal sealed class AwsRulesGateway : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Content-Length", "Expect", "Keep-Alive",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _emulator;
    private readonly AwsRulesCheck _rules = new();
    private readonly ConcurrentQueue<RuleViolation> _violations = new();

    private AwsRulesGateway(WebApplication app, Uri emulator)
    {
        _app = app;
        _emulator = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = emulator, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RuleViolation> Violations => [.. _violations];

    public static async Task<AwsRulesGateway> StartAsync(Uri emulator)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var gateway = new AwsRulesGateway(app, emulator);
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(gateway.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        gateway.Endpoint = new Uri(address);
        return gateway;
    }

    /// <summary>Throws, listing them, when any request broke a rule.</summary>
    public void ThrowIfViolated()
    {
        if (!_violations.IsEmpty)
        {
            throw new InvalidOperationException("requests AWS would refuse:\n  " + string.Join("\n  ", _violations));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _emulator.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        // The raw target, as the client sent it: Kestrel's Path is decoded and has its dot segments removed,
        // but "uploads/../x.jpg" is a literal S3 key.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var request = new AwsRequest(
            context.Request.Method,
            queryStart < 0 ? target : target[..queryStart],
            queryStart < 0 ? string.Empty : target[queryStart..],
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        if (Refusal(request) is { } refusal)
        {
            await RefuseAsync(context, request.Service, refusal);
            return;
        }

        // Sent as it came: "uploads/a/../b.jpg" must not become "b.jpg" on the way (the SDK sends dot segments as they are).
        var uri = new Uri(_emulator.BaseAddress!.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), uri) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in context.Request.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!forward.Headers.TryAddWithoutValidation(name, [.. value]))
            {
                forward.Content.Headers.TryAddWithoutValidation(name, [.. value]);
            }
        }

        using var response = await _emulator.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        if (response.Content.Headers.ContentLength is { } length)
        {
            context.Response.ContentLength = length;
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private string? Refusal(AwsRequest request)
    {
        IReadOnlyList<RuleViolation> violations;
        try
        {
            violations = _rules.Check(request);
        }
        catch (Exception e) when (e is JsonException or FormatException or System.Xml.XmlException or KeyNotFoundException or InvalidOperationException)
        {
            violations = [new RuleViolation(request.Service, request.Target ?? request.Method, $"the request could not be read: {e.Message}")];
        }

        foreach (var violation in violations)
        {
            _violations.Enqueue(violation);
        }

        return violations.Count == 0 ? null : "AWS would refuse this request: " + string.Join("; ", violations);
    }

    /// <summary>A 400 in the service's own error format, so the SDK raises it as AWS's refusal would be raised.</summary>
    private static Task RefuseAsync(HttpContext context, string service, string message)
    {
        context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
        var escaped = WebUtility.HtmlEncode(message);
        var (contentType, text) = service switch
        {
            "dynamodb" => ("application/x-amz-json-1.0", JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = "com.amazon.coral.validate#ValidationException", ["message"] = message })),
            "sqs" => ("application/x-amz-json-1.0", JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = "com.amazonaws.sqs#InvalidParameterValue", ["message"] = message })),
            "sns" => ("text/xml", $"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>{escaped}</Message></Error><RequestId>aws-rules</RequestId></ErrorResponse>"),
            _ => ("application/xml", $"<Error><Code>InvalidArgument</Code><Message>{escaped}</Message><RequestId>aws-rules</RequestId></Error>"),
        };
        context.Response.ContentType = contentType;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(text, Encoding.UTF8);
    }
}
