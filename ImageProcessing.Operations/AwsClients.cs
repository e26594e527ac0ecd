using Amazon;
using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using ImageProcessing.Function.Aws.Sns;
using Microsoft.Extensions.Configuration;

namespace ImageProcessing.Operations;

/// <summary>
/// SDK clients for the local pipeline and the operator commands. <c>AWS_ENDPOINT_URL</c> points them at the emulator
/// (the app host sets it); without it they talk to AWS. Credentials come from the SDK's usual chain, with the
/// emulator's dummy values as the fallback when an emulator is the endpoint.
/// </summary>
public sealed class AwsClients : IDisposable
{
    public AwsClients(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Endpoint = configuration["AWS_ENDPOINT_URL"] is { Length: > 0 } url ? new Uri(url) : null;
        Region = configuration["AWS_REGION"] ?? configuration["AWS_DEFAULT_REGION"] ?? "us-east-1";
        // Emulators accept any key; against AWS the SDK's chain (environment, profile, SSO, instance role) applies.
        var credentials = Endpoint is null || configuration["AWS_ACCESS_KEY_ID"] is { Length: > 0 }
            ? null
            : new BasicAWSCredentials("test", "test");
        var region = RegionEndpoint.GetBySystemName(Region);

        T Configure<T>(T config)
            where T : ClientConfig
        {
            config.RegionEndpoint = region;
            if (Endpoint is not null)
            {
                config.ServiceURL = Endpoint.ToString();
                config.AuthenticationRegion = Region;
            }

            return config;
        }

        S3 = credentials is null
            ? new AmazonS3Client(Configure(new AmazonS3Config { ForcePathStyle = Endpoint is not null }))
            : new AmazonS3Client(credentials, Configure(new AmazonS3Config { ForcePathStyle = Endpoint is not null }));
        Sqs = credentials is null ? new AmazonSQSClient(Configure(new AmazonSQSConfig())) : new AmazonSQSClient(credentials, Configure(new AmazonSQSConfig()));
        DynamoDb = credentials is null
            ? new AmazonDynamoDBClient(Configure(new AmazonDynamoDBConfig()))
            : new AmazonDynamoDBClient(credentials, Configure(new AmazonDynamoDBConfig()));
        Kms = credentials is null
            ? new AmazonKeyManagementServiceClient(Configure(new AmazonKeyManagementServiceConfig()))
            : new AmazonKeyManagementServiceClient(credentials, Configure(new AmazonKeyManagementServiceConfig()));
        SnsHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        // A service's own endpoint wins over the general one, as in the AWS SDKs.
        var snsEndpoint = configuration["AWS_ENDPOINT_URL_SNS"] is { Length: > 0 } snsUrl ? new Uri(snsUrl) : Endpoint;
        SnsQuery = new SnsQueryClient(SnsHttp, new SnsClientOptions { Credentials = credentials, ServiceUrl = snsEndpoint, Region = Region });
        Sns = new SnsPublisher(SnsQuery);
    }

    public Uri? Endpoint { get; }
    public string Region { get; }
    public AmazonS3Client S3 { get; }
    public AmazonSQSClient Sqs { get; }
    public AmazonDynamoDBClient DynamoDb { get; }
    public AmazonKeyManagementServiceClient Kms { get; }
    public HttpClient SnsHttp { get; }

    /// <summary>The SNS Query API, for provisioning topics and subscriptions.</summary>
    public SnsQueryClient SnsQuery { get; }

    public SnsPublisher Sns { get; }

    public LocalProvisioner Provisioner() => new(Kms, S3, Sqs, DynamoDb, SnsQuery, Region);

    public void Dispose()
    {
        S3.Dispose();
        Sqs.Dispose();
        DynamoDb.Dispose();
        Kms.Dispose();
        SnsHttp.Dispose();
    }
}
