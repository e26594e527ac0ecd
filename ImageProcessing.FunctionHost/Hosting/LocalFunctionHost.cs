using ImageProcessing.Function;
using ImageProcessing.Function.Configuration;
using ImageProcessing.Function.Telemetry;
using ImageProcessing.FunctionHost.Local;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>
/// The local Lambda service: provisions (or finds) the pipeline's resources in the emulator, then runs
/// the function behind an SQS event source mapping, with an upload endpoint and health checks.
/// </summary>
public static class LocalFunctionHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(FunctionTelemetry.Name);
        builder.Services.Configure<EventSourceOptions>(builder.Configuration.GetSection(EventSourceOptions.Section));
        var eventSource = builder.Configuration.GetSection(EventSourceOptions.Section).Get<EventSourceOptions>() ?? new EventSourceOptions();
        // Shutdown waits for a batch in flight: never shorter than one invocation.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(eventSource.FunctionTimeoutSeconds + 10));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = UploadEndpoints.MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, UploadJsonContext.Default));

        var clients = new AwsClients(builder.Configuration);
        var settings = LocalPipelineSettings.From(builder.Configuration);
        var resources = await clients.Provisioner().ProvisionAsync(settings);
        var pipeline = new LocalPipeline(settings, resources);
        var variables = resources.FunctionEnvironment().ToDictionary();

        builder.Services.AddSingleton(clients);
        builder.Services.AddSingleton(pipeline);
        builder.Services.AddSingleton<Amazon.S3.IAmazonS3>(clients.S3);
        builder.Services.AddSingleton<Amazon.SQS.IAmazonSQS>(clients.Sqs);
        builder.Services.AddSingleton<Amazon.DynamoDBv2.IAmazonDynamoDB>(clients.DynamoDb);
        builder.Services.AddSingleton(services => new FunctionApp(
            // Explicit settings (e.g. RULES_JSON, MAX_UPLOAD_BYTES) win over the provisioned names.
            FunctionSettings.From(name => builder.Configuration[name] ?? variables.GetValueOrDefault(name)),
            clients.S3,
            clients.DynamoDb,
            clients.Sns,
            services.GetRequiredService<ILoggerFactory>(),
            TimeProvider.System));
        builder.Services.AddHostedService<LocalEventSourceMapping>();

        var app = builder.Build();
        _ = app.Services.GetRequiredService<FunctionApp>(); // fail at start on a configuration error
        app.MapDefaultEndpoints();
        app.MapUploadEndpoints();
        await app.RunAsync();
        return 0;
    }
}
