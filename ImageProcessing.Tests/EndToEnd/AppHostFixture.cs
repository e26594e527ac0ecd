using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ImageProcessing.Tests.Aws;
using ImageProcessing.Tests.AwsRules;

namespace ImageProcessing.Tests.EndToEnd;

/// <summary>
/// The whole local pipeline as <c>dotnet run --project ImageProcessing.AppHost</c> starts it (emulator,
/// provisioning, function host, dashboard), on free ports. The function host and the test's clients reach the
/// emulator through the <see cref="AwsRulesGateway"/>, so every request is held to AWS's documented limits.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public const string DashboardApiKey = "e2e-telemetry-key";

    private DistributedApplication? _app;
    private AwsRulesGateway? _gateway;

    public Uri Emulator { get; private set; } = null!;
    public Uri Dashboard { get; private set; } = null!;
    public AmazonS3Client S3 { get; private set; } = null!;
    public AmazonSQSClient Sqs { get; private set; } = null!;
    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var emulatorPort = StubHandler.FreeLoopbackPort();
        _gateway = await AwsRulesGateway.StartAsync(new Uri($"http://127.0.0.1:{emulatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        // The browser tests open the dashboard without its login token (it changes each run).
        string[] args = [$"AppHost:DashboardApiKey={DashboardApiKey}", "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
            $"Emulator:Port={emulatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}"];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ImageProcessing_AppHost>(args, (options, _) =>
        {
            options.DisableDashboard = false;
            options.AllowUnsecuredTransport = true;
        });
        // Failed messages come back after 1 s instead of the queue's 180 s visibility timeout.
        var gateway = _gateway.Endpoint.ToString().TrimEnd('/');
        builder.CreateResourceBuilder<ProjectResource>("image-function")
            .WithEnvironment("EventSource__RetryDelaySeconds", "1")
            .WithEnvironment("AWS_ENDPOINT_URL", gateway);
        builder.CreateResourceBuilder<ProjectResource>("upload-api").WithEnvironment("AWS_ENDPOINT_URL", gateway);
        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("image-function", startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("upload-api", startup.Token);
        Emulator = _gateway.Endpoint;
        Dashboard = _app.GetEndpoint("aspire-dashboard", "http");

        var credentials = new BasicAWSCredentials("test", "test");
        S3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = Emulator.ToString(), ForcePathStyle = true });
        Sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = Emulator.ToString() });
        DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = Emulator.ToString() });
    }

    /// <summary>The upload page's address.</summary>
    public Uri UploadPage => _app!.GetEndpoint("upload-api", "http");

    /// <summary>A client of the upload page and its API.</summary>
    public HttpClient CreateFunctionHostClient() => _app!.CreateHttpClient("upload-api", "http");

    public DistributedApplication App => _app ?? throw new InvalidOperationException("the app host has not started");

    /// <summary>
    /// Puts an S3 event for a key outside the upload prefix into the dead-letter queue: a redrive moves it, and the
    /// function skips it, so it leaves the queues for good.
    /// </summary>
    public async Task SeedSkippedDeadLetterAsync(string fileName)
    {
        var names = new ImageProcessing.Operations.LocalNames();
        var queueUrl = (await Sqs.GetQueueUrlAsync(names.DeadLetterQueue)).QueueUrl;
        await Sqs.SendMessageAsync(queueUrl,
            $$$$"""{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"{{{{names.Bucket}}}}"},"object":{"key":"elsewhere/{{{{fileName}}}}"}}}]}""");
    }

    public async Task DisposeAsync()
    {
        S3?.Dispose();
        Sqs?.Dispose();
        DynamoDb?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
            _gateway.ThrowIfViolated();
        }
    }
}

/// <summary>One app host for every end-to-end class: it binds fixed ports (the upload page), so two cannot run at once.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostGroup : ICollectionFixture<AppHostFixture>
{
    public const string Name = "apphost";
}
