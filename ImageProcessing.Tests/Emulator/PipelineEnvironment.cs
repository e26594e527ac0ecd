using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using ImageProcessing.Function;
using ImageProcessing.Function.Aws.Sns;
using ImageProcessing.Function.Configuration;
using ImageProcessing.Function.Events;
using ImageProcessing.Operations;
using ImageProcessing.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.Tests.Emulator;

/// <summary>
/// A freshly provisioned pipeline in the emulator (unique names per test) and the function wired to it,
/// with helpers to upload, deliver the real SQS messages to the handler and read what it wrote.
/// </summary>
internal sealed class PipelineEnvironment : IDisposable
{
    private const string Region = "us-east-1";
    private readonly HttpClient _snsHttp;

    private PipelineEnvironment(MotoServer moto)
    {
        var credentials = new BasicAWSCredentials("test", "test");
        Endpoint = moto.Endpoint;
        var url = moto.Endpoint.ToString();
        S3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = url, ForcePathStyle = true, HttpClientFactory = Faults, MaxErrorRetry = 1 });
        Sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = url });
        DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = url, HttpClientFactory = Faults, MaxErrorRetry = 1 });
        Kms = new AmazonKeyManagementServiceClient(credentials, new AmazonKeyManagementServiceConfig { ServiceURL = url });
        _snsHttp = Faults.CreateHttpClient(new AmazonS3Config());
        SnsQuery = new SnsQueryClient(_snsHttp, new SnsClientOptions { Credentials = credentials, ServiceUrl = moto.Endpoint, Region = Region });
        Sns = new SnsPublisher(SnsQuery);
    }

    public FaultInjector Faults { get; } = new();
    public AmazonS3Client S3 { get; }
    public AmazonSQSClient Sqs { get; }
    public AmazonDynamoDBClient DynamoDb { get; }
    public AmazonKeyManagementServiceClient Kms { get; }
    public SnsQueryClient SnsQuery { get; }
    public SnsPublisher Sns { get; }
    public LocalResources Resources { get; private set; } = null!;
    public string NamePrefix { get; private set; } = string.Empty;
    public Uri Endpoint { get; }
    public FunctionApp App { get; private set; } = null!;

    public static async Task<PipelineEnvironment> CreateAsync(MotoServer moto, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new PipelineEnvironment(moto);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10] + "-";
        environment.NamePrefix = prefix;
        var provisioner = new LocalProvisioner(environment.Kms, environment.S3, environment.Sqs, environment.DynamoDb, environment.SnsQuery, Region);
        environment.Resources = await provisioner.ProvisionAsync(LocalPipelineSettings.For(new LocalNames(prefix)));
        environment.Deploy(settings);
        return environment;
    }

    /// <summary>Replaces the function with one configured by these settings over the same resources, as a deployment would.</summary>
    public void Deploy(IReadOnlyDictionary<string, string>? settings = null)
    {
        var variables = Resources.FunctionEnvironment().ToDictionary();
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        App = new FunctionApp(FunctionSettings.From(variables.GetValueOrDefault), S3, DynamoDb, Sns, NullLoggerFactory.Instance, TimeProvider.System);
    }

    /// <param name="checksum">The checksum the SDK sends with the upload, which S3 verifies and keeps; the SDK's default when null.</param>
    public Task UploadAsync(string key, byte[] content, IDictionary<string, string>? metadata = null, ChecksumAlgorithm? checksum = null)
    {
        var request = new PutObjectRequest { BucketName = Resources.Bucket, Key = key, InputStream = new MemoryStream(content), ChecksumAlgorithm = checksum };
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Metadata[name] = value;
        }

        return S3.PutObjectAsync(request);
    }

    /// <summary>The upload notifications S3 sent to the queue, as SQS hands them to the event source mapping.</summary>
    public async Task<List<Message>> ReceiveUploadMessagesAsync(int expected)
    {
        var messages = new List<Message>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            var response = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = Resources.UploadQueueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            });
            foreach (var message in response.Messages ?? [])
            {
                // S3 sends an s3:TestEvent when the notification is configured; the handler ignores it (tested apart).
                if (message.Body.Contains("s3:TestEvent", StringComparison.Ordinal))
                {
                    await Sqs.DeleteMessageAsync(Resources.UploadQueueUrl, message.ReceiptHandle);
                }
                else
                {
                    messages.Add(message);
                }
            }
        }

        Assert.Equal(expected, messages.Count);
        return messages;
    }

    /// <summary>Uploads <paramref name="count"/> photo-sized JPEGs under <c>uploads/&lt;folder&gt;/</c> and returns their keys.</summary>
    public async Task<List<string>> UploadPhotosAsync(string folder, int count)
    {
        var photo = TestImages.Jpeg(2400, 1800);
        var keys = Enumerable.Range(0, count).Select(i => $"uploads/{folder}/photo-{i:D2}.jpg").ToList();
        foreach (var key in keys)
        {
            await UploadAsync(key, photo);
        }

        return keys;
    }

    public async Task<List<Message>> UploadAndReceiveAsync(string key, byte[] content)
    {
        await UploadAsync(key, content);
        return await ReceiveUploadMessagesAsync(1);
    }

    /// <summary>
    /// Delivers the messages while a fault is injected (each must fail), runs <paramref name="whileFailed"/>,
    /// clears the faults and redelivers (each must succeed), as SQS would after the visibility timeout.
    /// </summary>
    public async Task FailThenRecoverAsync(List<Message> messages, Func<Task>? whileFailed = null)
    {
        var failed = await InvokeAsync(messages);
        Assert.Equal(messages.Select(m => m.MessageId), failed.BatchItemFailures.Select(f => f.ItemIdentifier));
        if (whileFailed is not null)
        {
            await whileFailed();
        }

        Faults.Clear();
        Assert.Empty((await InvokeAsync(messages, receiveCount: 2)).BatchItemFailures);
    }

    /// <summary>Uploads each object and delivers all their notifications to the handler in one batch.</summary>
    public async Task<BatchResponse> UploadAndInvokeAsync(params (string Key, byte[] Content)[] uploads)
    {
        foreach (var (key, content) in uploads)
        {
            await UploadAsync(key, content);
        }

        return await InvokeAsync(await ReceiveUploadMessagesAsync(uploads.Length));
    }

    /// <summary>Invokes the function with the JSON Lambda's SQS event source would send.</summary>
    public async Task<BatchResponse> InvokeAsync(IEnumerable<Message> messages, int receiveCount = 1)
    {
        var batch = new SqsEvent([.. messages.Select(m => ToLambdaMessage(m, receiveCount))]);
        return await InvokeAsync(batch);
    }

    public async Task<BatchResponse> InvokeAsync(SqsEvent batch)
    {
        var json = JsonSerializer.Serialize(batch, EventJsonTestContext.Default.SqsEvent);
        await using var output = await App.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test-request", CancellationToken.None);
        return (await JsonSerializer.DeserializeAsync(output, EventJsonTestContext.Default.BatchResponse))!;
    }

    public SqsMessage ToLambdaMessage(Message message, int receiveCount = 1) => new(
        message.MessageId,
        message.ReceiptHandle,
        message.Body,
        new Dictionary<string, string> { ["ApproximateReceiveCount"] = receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        null,
        Resources.UploadQueueArn,
        Region);

    public async Task<List<Dictionary<string, AttributeValue>>> RecordsAsync(string key)
    {
        var response = await DynamoDb.QueryAsync(new QueryRequest
        {
            TableName = Resources.RecordsTable,
            KeyConditionExpression = "#pk = :key",
            ExpressionAttributeNames = new() { ["#pk"] = Schema.PartitionKey },
            ExpressionAttributeValues = new() { [":key"] = new AttributeValue { S = key } },
            ConsistentRead = true,
        });
        return response.Items;
    }

    /// <summary>The SNS envelopes delivered to a topic's inbox queue so far (drained).</summary>
    public async Task<List<JsonElement>> NotificationsAsync(string inboxUrl)
    {
        var notifications = new List<JsonElement>();
        while (true)
        {
            var response = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = inboxUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 0 });
            if (response.Messages is not { Count: > 0 } messages)
            {
                return notifications;
            }

            foreach (var message in messages)
            {
                notifications.Add(JsonDocument.Parse(message.Body).RootElement.Clone());
                await Sqs.DeleteMessageAsync(inboxUrl, message.ReceiptHandle);
            }
        }
    }

    public void Dispose()
    {
        S3.Dispose();
        Sqs.Dispose();
        DynamoDb.Dispose();
        Kms.Dispose();
        _snsHttp.Dispose();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(SqsEvent))]
[System.Text.Json.Serialization.JsonSerializable(typeof(BatchResponse))]
internal sealed partial class EventJsonTestContext : System.Text.Json.Serialization.JsonSerializerContext;
