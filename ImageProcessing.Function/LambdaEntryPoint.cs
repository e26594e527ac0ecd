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

    // Built on the first invocation (cold start); a configuration error fails every invocation with the
    // same message naming the variable, so messages are retried and kept in the dead-letter queue.
    private static readonly Lazy<FunctionApp> App = new(() => FunctionApp.FromEnvironment(Loggers, SnsHttp));

#pragma warning disable CA1822 // the runtime instantiates the handler type and calls an instance method
    public Task<Stream> HandleAsync(Stream input) => App.Value.HandleAsync(input, RequestId(), CancellationToken.None);
#pragma warning restore CA1822

    /// <summary>The X-Ray trace root of this invocation (the managed runtime sets it per invocation), else a new id.</summary>
    private static string RequestId()
    {
        var trace = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
        var root = trace?.Split(';').FirstOrDefault(part => part.StartsWith("Root=", StringComparison.Ordinal));
        return root is null ? Guid.NewGuid().ToString() : root["Root=".Length..];
    }
}
