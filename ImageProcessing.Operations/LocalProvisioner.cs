using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using ImageProcessing.Function.Aws.Sns;
using ImageProcessing.Pipeline;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.Operations;

/// <summary>
/// Creates the pipeline's resources in an AWS emulator from <see cref="PipelineDefinition"/> with SDK
/// calls (the emulator's CloudFormation skips policies, notifications and TTL silently). Idempotent:
/// running it again finds and reuses what exists.
/// </summary>
public sealed class LocalProvisioner(
    IAmazonKeyManagementService kms,
    IAmazonS3 s3,
    IAmazonSQS sqs,
    IAmazonDynamoDB dynamoDb,
    SnsQueryClient sns,
    string region)
{
    private static readonly string RetentionSeconds = (PipelineDefinition.QueueRetentionDays * 86400).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<LocalResources> ProvisionAsync(LocalPipelineSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Names;
        var keyId = await EnsureKeyAsync(names.KeyAlias, cancellationToken);
        var (dlqUrl, dlqArn) = await EnsureQueueAsync(names.DeadLetterQueue, new()
        {
            ["MessageRetentionPeriod"] = RetentionSeconds,
            ["KmsMasterKeyId"] = keyId,
        }, cancellationToken);
        var (queueUrl, queueArn) = await EnsureQueueAsync(names.UploadQueue, new()
        {
            // The deployed value unless a test asks for faster redelivery.
            ["VisibilityTimeout"] = settings.VisibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MessageRetentionPeriod"] = RetentionSeconds,
            ["KmsMasterKeyId"] = keyId,
            ["RedrivePolicy"] = new JsonObject
            {
                ["deadLetterTargetArn"] = dlqArn,
                ["maxReceiveCount"] = PipelineDefinition.QueueMaxReceiveCount,
            }.ToJsonString(),
        }, cancellationToken);
        await EnsureBucketAsync(names.Bucket, settings.Layout.InputPrefix, keyId, queueArn, cancellationToken);
        await EnsureTableAsync(names.RecordsTable, cancellationToken);
        var eventsTopic = await EnsureTopicAsync(names.ImageEventsTopic, keyId, cancellationToken);
        var alertsTopic = await EnsureTopicAsync(names.SecurityAlertsTopic, keyId, cancellationToken);
        var (eventsInbox, _) = await EnsureInboxAsync(names.ImageEventsInbox, eventsTopic, cancellationToken);
        var (alertsInbox, _) = await EnsureInboxAsync(names.SecurityAlertsInbox, alertsTopic, cancellationToken);
        return new LocalResources(region, keyId, names.Bucket, queueUrl, queueArn, dlqUrl, names.RecordsTable,
            eventsTopic, alertsTopic, eventsInbox, alertsInbox);
    }

    private async Task<string> EnsureKeyAsync(string alias, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = alias }, cancellationToken);
            return existing.KeyMetadata.KeyId;
        }
        catch (NotFoundException)
        {
            var created = await kms.CreateKeyAsync(new CreateKeyRequest { Description = "ImageProcessing local pipeline key" }, cancellationToken);
            await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = created.KeyMetadata.KeyId }, cancellationToken);
            return created.KeyMetadata.KeyId;
        }
    }

    private async Task<(string Url, string Arn)> EnsureQueueAsync(string name, Dictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name }, cancellationToken)).QueueUrl;
        await sqs.SetQueueAttributesAsync(new SetQueueAttributesRequest { QueueUrl = url, Attributes = attributes }, cancellationToken);
        var arn = (await sqs.GetQueueAttributesAsync(url, ["QueueArn"], cancellationToken)).QueueARN;
        return (url, arn);
    }

    private async Task EnsureBucketAsync(string bucket, string inputPrefix, string keyId, string queueArn, CancellationToken cancellationToken)
    {
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }

        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = bucket,
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        }, cancellationToken);
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new ServerSideEncryptionRule
                    {
                        BucketKeyEnabled = true,
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                        {
                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = keyId,
                        },
                    },
                ],
            },
        }, cancellationToken);
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = bucket,
            QueueConfigurations =
            [
                new QueueConfiguration
                {
                    Id = "uploads-to-queue",
                    Queue = queueArn,
                    Events = [EventType.ObjectCreatedAll],
                    Filter = new Filter
                    {
                        S3KeyFilter = new S3KeyFilter { FilterRules = [new FilterRule("prefix", inputPrefix)] },
                    },
                },
            ],
        }, cancellationToken);
    }

    private async Task EnsureTableAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = table,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions =
                [
                    new AttributeDefinition(Schema.PartitionKey, ScalarAttributeType.S),
                    new AttributeDefinition(Schema.SortKey, ScalarAttributeType.S),
                ],
                KeySchema = [new KeySchemaElement(Schema.PartitionKey, KeyType.HASH), new KeySchemaElement(Schema.SortKey, KeyType.RANGE)],
            }, cancellationToken);
        }
        catch (ResourceInUseException)
        {
        }

        var ttl = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table }, cancellationToken);
        if (ttl.TimeToLiveDescription?.TimeToLiveStatus != TimeToLiveStatus.ENABLED)
        {
            await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = table,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = Schema.TimeToLiveAttribute, Enabled = true },
            }, cancellationToken);
        }
    }

    private async Task<string> EnsureTopicAsync(string name, string keyId, CancellationToken cancellationToken)
    {
        var result = await sns.InvokeAsync("CreateTopic", region,
        [
            new("Name", name),
            new("Attributes.entry.1.key", "KmsMasterKeyId"),
            new("Attributes.entry.1.value", keyId),
        ], cancellationToken);
        return result.Element(result.Name.Namespace + "TopicArn")?.Value
            ?? throw new InvalidOperationException($"CreateTopic for '{name}' returned no TopicArn");
    }

    /// <summary>A queue subscribed to a topic, so a developer (or a test) can read what was announced.</summary>
    private async Task<(string Url, string Arn)> EnsureInboxAsync(string name, string topicArn, CancellationToken cancellationToken)
    {
        var (url, arn) = await EnsureQueueAsync(name, new() { ["MessageRetentionPeriod"] = RetentionSeconds }, cancellationToken);
        var existing = await sns.InvokeAsync("ListSubscriptionsByTopic", region, [new("TopicArn", topicArn)], cancellationToken);
        var subscribed = existing.Descendants().Any(e => e.Name.LocalName == "Endpoint" && e.Value == arn);
        if (!subscribed)
        {
            await sns.InvokeAsync("Subscribe", region,
                [new("TopicArn", topicArn), new("Protocol", "sqs"), new("Endpoint", arn)], cancellationToken);
        }

        return (url, arn);
    }
}
