using System.Globalization;
using ImageProcessing.Operations;
using ImageProcessing.Pipeline;

namespace ImageProcessing.AppHost.LocalAws;

/// <summary>What the dashboard shows of each provisioned resource: its identifiers and the settings that matter.</summary>
internal static class ResourceDescriptions
{
    public static (string Name, string AwsType)[] Declared(LocalNames names) =>
    [
        (KeyResourceName, "AWS::KMS::Key"),
        (names.Bucket, "AWS::S3::Bucket"),
        (names.UploadQueue, "AWS::SQS::Queue"),
        (names.DeadLetterQueue, "AWS::SQS::Queue"),
        (names.RecordsTable, "AWS::DynamoDB::Table"),
        (names.ImageEventsTopic, "AWS::SNS::Topic"),
        (names.SecurityAlertsTopic, "AWS::SNS::Topic"),
        (names.ImageEventsInbox, "AWS::SQS::Queue"),
        (names.SecurityAlertsInbox, "AWS::SQS::Queue"),
    ];

    /// <summary>An alias has a '/', which a dashboard resource name may not: the key is shown by its alias's name.</summary>
    public const string KeyResourceName = "image-processing-key";

    public static Dictionary<string, (string Name, object Value)[]> Of(LocalPipelineSettings settings, LocalResources resources, string region)
    {
        var names = settings.Names;
        var retention = Days(PipelineDefinition.QueueRetentionDays);
        return new Dictionary<string, (string, object)[]>(StringComparer.Ordinal)
        {
            [KeyResourceName] = [("aws.alias", names.KeyAlias), ("aws.key-id", resources.KmsKeyId), ("aws.rotation", "enabled on AWS; the emulator's key does not rotate")],
            [names.Bucket] =
            [
                ("aws.arn", $"arn:aws:s3:::{resources.Bucket}"),
                ("aws.versioning", "Enabled"),
                ("aws.encryption", $"SSE-KMS ({resources.KmsKeyId})"),
                ("aws.notification.events", "s3:ObjectCreated:*"),
                ("aws.notification.prefix", settings.Layout.InputPrefix),
                ("aws.notification.queue", resources.UploadQueueArn),
            ],
            [names.UploadQueue] =
            [
                ("aws.url", resources.UploadQueueUrl),
                ("aws.arn", resources.UploadQueueArn),
                ("aws.visibility-timeout", Seconds(settings.VisibilityTimeoutSeconds)),
                ("aws.max-receives", PipelineDefinition.QueueMaxReceiveCount.ToString(CultureInfo.InvariantCulture)),
                ("aws.retention", retention),
                ("aws.dead-letter-queue", names.DeadLetterQueue),
            ],
            [names.DeadLetterQueue] = [("aws.url", resources.DeadLetterQueueUrl), ("aws.retention", retention)],
            [names.RecordsTable] =
            [
                ("aws.arn", $"arn:aws:dynamodb:{region}:{resources.UploadQueueArn.Split(':')[4]}:table/{resources.RecordsTable}"),
                ("aws.partition-key", PipelineDefinition.RecordsTable.PartitionKey),
                ("aws.sort-key", PipelineDefinition.RecordsTable.SortKey),
                ("aws.ttl-attribute", PipelineDefinition.RecordsTable.TimeToLiveAttribute),
                ("aws.billing", "PAY_PER_REQUEST"),
            ],
            [names.ImageEventsTopic] = [("aws.arn", resources.ImageEventsTopicArn), ("aws.subscription", names.ImageEventsInbox)],
            [names.SecurityAlertsTopic] = [("aws.arn", resources.SecurityAlertsTopicArn), ("aws.subscription", names.SecurityAlertsInbox)],
            [names.ImageEventsInbox] = [("aws.url", resources.ImageEventsInboxUrl), ("aws.subscribed-to", names.ImageEventsTopic)],
            [names.SecurityAlertsInbox] = [("aws.url", resources.SecurityAlertsInboxUrl), ("aws.subscribed-to", names.SecurityAlertsTopic)],
        };
    }

    /// <summary>The queues whose message counts the dashboard refreshes, by resource name.</summary>
    public static Dictionary<string, string> Queues(LocalNames names, LocalResources resources) => new(StringComparer.Ordinal)
    {
        [names.UploadQueue] = resources.UploadQueueUrl,
        [names.DeadLetterQueue] = resources.DeadLetterQueueUrl,
        [names.ImageEventsInbox] = resources.ImageEventsInboxUrl,
        [names.SecurityAlertsInbox] = resources.SecurityAlertsInboxUrl,
    };

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + " s";

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + " days";
}
