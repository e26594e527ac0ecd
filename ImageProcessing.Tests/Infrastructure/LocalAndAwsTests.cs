using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using ImageProcessing.Function.Configuration;
using ImageProcessing.FunctionHost.Hosting;
using ImageProcessing.Tests.Emulator;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.Tests.Infrastructure;

/// <summary>
/// The local pipeline and the deployed stack from one definition: provisions the local pipeline in moto, reads
/// back what the emulator holds, and compares it property by property with the synthesized template. What differs
/// on purpose is <see cref="DeliberateDifferences"/>, which the docs' table "Local and AWS" repeats.
/// </summary>
[Collection(CdkSynthesis.Name)]
[Trait("Category", "integration")]
public sealed class LocalAndAwsTests(DefaultTemplate aws, MotoServer moto) : IClassFixture<MotoServer>
{
    /// <summary>What the two deliberately do differently, as the docs' table lists it (first column).</summary>
    public static readonly string[] DeliberateDifferences =
    [
        "names",
        "keys",
        "permissions",
        "subscriptions",
        "function process",
        "table protection",
        "monitoring and audit",
    ];

    [Fact]
    public async Task The_queues_have_the_deployed_timeouts_retention_redrive_and_encryption()
    {
        using var local = await PipelineEnvironment.CreateAsync(moto);
        var messaging = aws.Stack.Messaging;
        var uploads = Properties(messaging.UploadQueue);
        var deadLetters = Properties(messaging.DeadLetterQueue);

        var localUploads = await QueueAttributesAsync(local, local.Resources.UploadQueueUrl);
        var localDeadLetters = await QueueAttributesAsync(local, local.Resources.DeadLetterQueueUrl);

        Assert.Equal((int)uploads["VisibilityTimeout"]!, int.Parse(localUploads["VisibilityTimeout"], Invariant));
        Assert.Equal((int)uploads["MessageRetentionPeriod"]!, int.Parse(localUploads["MessageRetentionPeriod"], Invariant));
        Assert.Equal((int)deadLetters["MessageRetentionPeriod"]!, int.Parse(localDeadLetters["MessageRetentionPeriod"], Invariant));
        var localRedrive = JsonNode.Parse(localUploads["RedrivePolicy"])!;
        Assert.Equal((int)uploads["RedrivePolicy"]!["maxReceiveCount"]!, (int)localRedrive["maxReceiveCount"]!);
        Assert.True(uploads["RedrivePolicy"]!["deadLetterTargetArn"].RefersTo(aws.LogicalId(messaging.DeadLetterQueue)));
        Assert.Equal(localDeadLetters["QueueArn"], (string)localRedrive["deadLetterTargetArn"]!);
        // Both queues under the data key: its ARN on AWS, the emulator key's id locally.
        Assert.True(uploads["KmsMasterKeyId"].RefersTo(DataKey));
        Assert.True(deadLetters["KmsMasterKeyId"].RefersTo(DataKey));
        Assert.Equal(local.Resources.KmsKeyId, localUploads["KmsMasterKeyId"]);
        Assert.Equal(local.Resources.KmsKeyId, localDeadLetters["KmsMasterKeyId"]);
    }

    [Fact]
    public async Task The_bucket_is_versioned_encrypted_and_notifies_the_upload_queue_of_the_same_events_and_prefix()
    {
        using var local = await PipelineEnvironment.CreateAsync(moto);
        var bucket = Properties(aws.Stack.Storage.ImagesBucket);
        var bucketName = local.Resources.Bucket;

        var versioning = await local.S3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucketName });
        Assert.Equal((string)bucket["VersioningConfiguration"]!["Status"]!, versioning.VersioningConfig.Status.Value);

        var encryption = Assert.Single((await local.S3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucketName }))
            .ServerSideEncryptionConfiguration.ServerSideEncryptionRules);
        var deployed = bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!;
        Assert.Equal((string)deployed["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!, encryption.ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm.Value);
        Assert.True(deployed["ServerSideEncryptionByDefault"]!["KMSMasterKeyID"].RefersTo(DataKey));
        Assert.Equal(local.Resources.KmsKeyId, encryption.ServerSideEncryptionByDefault.ServerSideEncryptionKeyManagementServiceKeyId);
        Assert.Equal((bool)deployed["BucketKeyEnabled"]!, encryption.BucketKeyEnabled);

        var notification = Assert.Single((await local.S3.GetBucketNotificationAsync(new GetBucketNotificationRequest { BucketName = bucketName })).QueueConfigurations);
        var deployedNotification = Assert.Single(bucket["NotificationConfiguration"]!["QueueConfigurations"]!.AsArray())!;
        Assert.Equal([(string)deployedNotification["Event"]!], notification.Events);
        var deployedRule = Assert.Single(deployedNotification["Filter"]!["S3Key"]!["Rules"]!.AsArray())!;
        var localRule = Assert.Single(notification.Filter.S3KeyFilter.FilterRules);
        Assert.Equal(((string)deployedRule["Name"]!, (string)deployedRule["Value"]!), (localRule.Name.ToLowerInvariant(), localRule.Value));
        Assert.True(deployedNotification["Queue"].RefersTo(aws.LogicalId(aws.Stack.Messaging.UploadQueue)));
        Assert.Equal(local.Resources.UploadQueueArn, notification.Queue);
    }

    [Fact]
    public async Task The_table_has_the_deployed_keys_billing_and_time_to_live()
    {
        using var local = await PipelineEnvironment.CreateAsync(moto);
        var table = Properties(aws.Stack.Records.Table);

        var described = (await local.DynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = local.Resources.RecordsTable })).Table;
        var ttl = (await local.DynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = local.Resources.RecordsTable })).TimeToLiveDescription;

        Assert.Equal(table["KeySchema"]!.AsArray().Select(k => ((string)k!["AttributeName"]!, (string)k["KeyType"]!)),
            described.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal(table["AttributeDefinitions"]!.AsArray().Select(a => ((string)a!["AttributeName"]!, (string)a["AttributeType"]!)),
            described.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)));
        Assert.Equal((string)table["BillingMode"]!, described.BillingModeSummary.BillingMode.Value);
        Assert.Equal(((string)table["TimeToLiveSpecification"]!["AttributeName"]!, true), (ttl.AttributeName, ttl.TimeToLiveStatus.Value == "ENABLED"));
        Assert.Equal(Schema.TimeToLiveAttribute, ttl.AttributeName);
    }

    [Fact]
    public async Task The_topics_are_encrypted_and_the_local_ones_have_an_inbox_where_aws_has_no_subscription()
    {
        using var local = await PipelineEnvironment.CreateAsync(moto);
        var messaging = aws.Stack.Messaging;

        Assert.True(Properties(messaging.ImageEventsTopic)["KmsMasterKeyId"].RefersTo(DataKey));
        // "keys": the alerts topic has a key of its own on AWS; locally one emulator key serves everything.
        Assert.True(Properties(messaging.SecurityAlertsTopic)["KmsMasterKeyId"].RefersTo(aws.LogicalId(aws.Stack.Encryption.AlertsKey)));
        foreach (var topic in new[] { local.Resources.ImageEventsTopicArn, local.Resources.SecurityAlertsTopicArn })
        {
            var attributes = await local.SnsQuery.InvokeAsync("GetTopicAttributes", local.Resources.Region, [new("TopicArn", topic)]);
            var key = attributes.Descendants().First(e => e.Name.LocalName == "entry" && e.Elements().Any(k => k.Name.LocalName == "key" && k.Value == "KmsMasterKeyId"));
            Assert.Equal(local.Resources.KmsKeyId, key.Elements().Single(v => v.Name.LocalName == "value").Value);
        }

        // "subscriptions": subscribers add their own on AWS; locally each topic feeds an inbox queue to read.
        Assert.Empty(aws.Resources("AWS::SNS::Subscription"));
        foreach (var (topic, inbox) in new[] { (local.Resources.ImageEventsTopicArn, local.Resources.ImageEventsInboxUrl), (local.Resources.SecurityAlertsTopicArn, local.Resources.SecurityAlertsInboxUrl) })
        {
            var subscriptions = await local.SnsQuery.InvokeAsync("ListSubscriptionsByTopic", local.Resources.Region, [new("TopicArn", topic)]);
            var inboxArn = (await QueueAttributesAsync(local, inbox))["QueueArn"];
            Assert.Equal([inboxArn], subscriptions.Descendants().Where(e => e.Name.LocalName == "Endpoint").Select(e => e.Value));
        }
    }

    [Fact]
    public async Task The_function_gets_the_deployed_settings_timeout_and_batching()
    {
        using var local = await PipelineEnvironment.CreateAsync(moto);
        var function = Properties(aws.Stack.Function.Function);
        var mapping = aws.One("AWS::Lambda::EventSourceMapping").Resource.Properties();
        var variables = function["Environment"]!["Variables"]!.AsObject();
        var localEnvironment = local.Resources.FunctionEnvironment();

        // Every resource the template hands the function, the local host hands it too; every literal is the
        // function's own default, so the two read the same settings.
        var resolved = variables.ToDictionary(v => v.Key, v => v.Value is JsonValue value ? (string)value! : localEnvironment[v.Key]);
        Assert.Equal(FunctionSettings.From(resolved.GetValueOrDefault), FunctionSettings.From(localEnvironment.GetValueOrDefault));
        Assert.All(localEnvironment.Keys, name => Assert.True(variables.ContainsKey(name), $"{name} is local only"));
        // "function process": Lambda's allocator and libvips thread settings for its sandbox; not set in a developer's process.
        Assert.Equal(["MALLOC_ARENA_MAX", "VIPS_CONCURRENCY"], variables.Select(v => v.Key).Where(ProcessOnly).Order(StringComparer.Ordinal));

        var eventSource = new EventSourceOptions();
        Assert.Equal((int)function["Timeout"]!, eventSource.FunctionTimeoutSeconds);
        Assert.Equal((string)variables["FUNCTION_TIMEOUT_SECONDS"]!, eventSource.FunctionTimeoutSeconds.ToString(Invariant));
        Assert.Equal((int)mapping["BatchSize"]!, eventSource.BatchSize);
        Assert.Equal((double)mapping["MaximumBatchingWindowInSeconds"]!, eventSource.MaximumBatchingWindowSeconds);
        Assert.Equal(["ReportBatchItemFailures"], mapping["FunctionResponseTypes"].Strings()); // the local mapping always reads the batch response
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private string DataKey => aws.LogicalId(aws.Stack.Encryption.Key);

    private static bool ProcessOnly(string name) =>
        !typeof(ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables).GetFields().Any(f => (string?)f.GetValue(null) == name);

    private JsonObject Properties(Amazon.CDK.Resource construct) => aws.Json["Resources"]![aws.LogicalId(construct)]!.AsObject().Properties();

    private static async Task<Dictionary<string, string>> QueueAttributesAsync(PipelineEnvironment local, string url) =>
        (await local.Sqs.GetQueueAttributesAsync(url, ["All"])).Attributes;
}
