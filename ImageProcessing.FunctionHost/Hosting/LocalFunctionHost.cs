using ImageProcessing.Function;
using ImageProcessing.Function.Configuration;
using ImageProcessing.Function.Telemetry;
using ImageProcessing.Operations;
using ImageProcessing.Operations.Operator;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>
/// The local host, in one of two roles or both (<c>FunctionHost:Role</c>): <c>function</c>, the local Lambda service
/// (the function behind an SQS event source mapping), and <c>upload-api</c>, the upload page and its endpoints. The
/// app host runs them as two resources and hands both the resources it provisioned (<see cref="LocalResourcesJson"/>);
/// run alone, the host provisions (or finds) them itself.
/// </summary>
public static class LocalFunctionHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(FunctionTelemetry.Name, OperationsTelemetry.Name);
        builder.Services.Configure<EventSourceOptions>(builder.Configuration.GetSection(EventSourceOptions.Section));
        var eventSource = builder.Configuration.GetSection(EventSourceOptions.Section).Get<EventSourceOptions>() ?? new EventSourceOptions();
        // Shutdown waits for a batch in flight: never shorter than one invocation.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(eventSource.FunctionTimeoutSeconds + 10));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = UploadEndpoints.MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, UploadJsonContext.Default));

        var role = HostRole.From(builder.Configuration);
        var clients = new AwsClients(builder.Configuration);
        var settings = LocalPipelineSettings.From(builder.Configuration);
        var resources = builder.Configuration[LocalResourcesJson.ConfigurationKey] is { Length: > 0 } provisioned
            ? LocalResourcesJson.Read(provisioned)
            : await clients.Provisioner().ProvisionAsync(settings);
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
        builder.Services.AddSingleton(services => new QueueOperations(clients.Sqs, services.GetRequiredService<ILogger<QueueOperations>>()));
        builder.Services.AddSingleton(services => new ReprocessOperation(clients.S3, clients.Sqs, services.GetRequiredService<ILogger<ReprocessOperation>>()));
        if (role.RunsFunction)
        {
            builder.Services.AddHostedService<LocalEventSourceMapping>();
        }

        var app = builder.Build();
        if (role.RunsFunction)
        {
            _ = app.Services.GetRequiredService<FunctionApp>(); // fail at start on a configuration error
        }

        app.MapDefaultEndpoints();
        app.MapOperatorEndpoints();
        if (role.ServesUploads)
        {
            app.MapUploadEndpoints();
            app.MapGalleryEndpoints();
        }

        await app.RunAsync();
        return 0;
    }
}
