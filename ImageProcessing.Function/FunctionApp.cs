using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.S3;
using ImageProcessing.Function.Aws;
using ImageProcessing.Function.Aws.Sns;
using ImageProcessing.Function.Configuration;
using ImageProcessing.Function.Events;
using ImageProcessing.Function.Handling;
using ImageProcessing.Function.Handling.Notifications;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Telemetry;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Function;

/// <summary>
/// The function composed from its settings and AWS clients: the same object serves Lambda
/// (<see cref="LambdaEntryPoint"/>), the local function host and the integration tests.
/// </summary>
public sealed class FunctionApp
{
    private readonly BatchHandler _batch;

    public FunctionApp(FunctionSettings settings, IAmazonS3 s3, IAmazonDynamoDB dynamoDb, ISnsPublisher sns, ILoggerFactory loggers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        var processor = new ImageProcessor(settings.Limits, settings.Rules, settings.Layout);
        var uploads = new UploadHandler(
            settings,
            processor,
            new S3ObjectStore(s3, settings.KmsKeyId),
            new DynamoDbRecordStore(dynamoDb, settings.RecordsTable),
            new Announcer(new SnsNotificationPublisher(sns, settings.ImageEventsTopicArn, settings.SecurityAlertsTopicArn)),
            loggers.CreateLogger<UploadHandler>(),
            time);
        _batch = new BatchHandler(uploads, loggers.CreateLogger<BatchHandler>());
        var logger = loggers.CreateLogger<FunctionApp>();
        Log.JpegDecoder(logger, TurboJpegDecoder.Description);
        Log.WebpDecoder(logger, WebpDecoder.Description);
    }

    /// <summary>Builds the function from environment variables and the SDK's default credential and region chain.</summary>
    public static FunctionApp FromEnvironment(ILoggerFactory loggers, HttpClient snsHttpClient)
    {
        var settings = FunctionSettings.FromEnvironment();
        var customEndpoint = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3"));
        // Emulators serve buckets on a path, not as virtual hosts.
        var s3 = new AmazonS3Client(new AmazonS3Config { ForcePathStyle = customEndpoint });
        var dynamoDb = new AmazonDynamoDBClient();
        return new FunctionApp(settings, s3, dynamoDb, new SnsPublisher(snsHttpClient), loggers, TimeProvider.System);
    }

    /// <summary>Lambda's contract: the SQS event JSON in, the partial batch response JSON out.</summary>
    public async Task<Stream> HandleAsync(Stream input, string requestId, CancellationToken cancellationToken)
    {
        var batch = await JsonSerializer.DeserializeAsync(input, EventJsonContext.Default.SqsEvent, cancellationToken)
            ?? throw new MalformedEventException("the invocation payload is JSON null, not an SQS event");
        var response = await HandleAsync(batch, requestId, cancellationToken);
        var output = new MemoryStream();
        // Past the deadline the response is what settles the batch: it is always written.
        await JsonSerializer.SerializeAsync(output, response, EventJsonContext.Default.BatchResponse, CancellationToken.None);
        output.Position = 0;
        return output;
    }

    public Task<BatchResponse> HandleAsync(SqsEvent batch, string requestId, CancellationToken cancellationToken) =>
        _batch.HandleAsync(batch, requestId, cancellationToken);
}
