using ImageProcessing.Function.Configuration;
using ImageProcessing.Function.Telemetry;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Function;

/// <summary>
/// The handler the dotnet10 managed runtime calls:
/// <c>ImageProcessing.Function::ImageProcessing.Function.LambdaEntryPoint::HandleAsync</c>.
/// It takes and returns raw streams, so no Amazon.Lambda.* serializer package is needed.
/// </summary>
public sealed class LambdaEntryPoint
{
    private static readonly ILoggerFactory Loggers = LoggerFactory.Create(builder =>
        builder.AddProvider(new JsonLineLoggerProvider(Console.Out)).SetMinimumLevel(LogLevel.Information));

    private static readonly HttpClient SnsHttp = new() { Timeout = TimeSpan.FromSeconds(10) };

    // Lives as long as the sandbox: every outcome becomes a CloudWatch metric through the log.
    private static readonly EmbeddedMetrics Metrics = new(Console.Out,
        Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "local", TimeProvider.System);

    // Built on the first invocation (cold start); a configuration error fails every invocation with the
    // same message naming the variable, so messages are retried and kept in the dead-letter queue.
    private static readonly Lazy<FunctionApp> SharedApp = new(() => FunctionApp.FromEnvironment(Loggers, SnsHttp));

    private readonly Func<FunctionApp> _app;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;

    /// <summary>The managed runtime creates the handler type once per sandbox with this constructor.</summary>
    public LambdaEntryPoint()
        : this(() => SharedApp.Value, Environment.GetEnvironmentVariable, TimeProvider.System)
    {
        GC.KeepAlive(Metrics);
    }

    internal LambdaEntryPoint(Func<FunctionApp> app, Func<string, string?> environment, TimeProvider time)
    {
        _app = app;
        _environment = environment;
        _time = time;
    }

    /// <summary>
    /// One invocation. Without a Lambda context the deadline comes from the function's timeout (set by the stack):
    /// the invocation is cancelled a margin before it, so unfinished messages are reported as failures, not cut off.
    /// </summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        using var deadline = InvocationDeadline.From(_environment, _time);
        return await _app().HandleAsync(input, RequestId(), deadline.Token);
    }

    /// <summary>The X-Ray trace root of this invocation (the managed runtime sets it per invocation), else a new id.</summary>
    private string RequestId()
    {
        var trace = _environment("_X_AMZN_TRACE_ID");
        var root = trace?.Split(';').FirstOrDefault(part => part.StartsWith("Root=", StringComparison.Ordinal));
        return root is null ? Guid.NewGuid().ToString() : root["Root=".Length..];
    }
}
