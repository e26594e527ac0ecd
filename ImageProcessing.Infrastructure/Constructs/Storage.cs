using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// The images bucket (uploads/ in, processed/ out) and the logs bucket that receives its access logs, the trail
/// and AWS Config's snapshots. Uploads reach the queue through a notification set on the L1 bucket, so no
/// Lambda-backed custom resource is needed.
/// </summary>
public sealed class Storage : Construct
{
    public const int ObjectExpirationDays = 30;
    public const int NoncurrentVersionExpirationDays = 7;
    public const int IncompleteUploadExpirationDays = 1;
    public const int LogRetentionDays = 365;
    public const int NoncurrentLogExpirationDays = 30;
    public const string AccessLogsPrefix = "access-logs/images/";

    public Storage(Construct scope, string id, IKey key, Queue uploadQueue, ResourceNames names)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(uploadQueue);
        ArgumentNullException.ThrowIfNull(names);
        LogsBucket = new Bucket(this, "LogsBucket", new BucketProps
        {
            BucketName = names.LogsBucket,
            // S3 server access logging only delivers to buckets encrypted with SSE-S3.
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            Versioned = true,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "retain-logs-one-year",
                    Expiration = Duration.Days(LogRetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(NoncurrentLogExpirationDays),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(IncompleteUploadExpirationDays),
                },
            ],
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Acknowledgements.Add(LogsBucket,
            Acknowledgement.Guard("s3_bucket_logging_enabled_check", "This is the access-log destination; logging it into itself would loop."),
            new("HIPAA.Security-S3DefaultEncryptionKMS", ServerAccessLogsNeedSseS3),
            new("NIST.800.53.R5-S3DefaultEncryptionKMS", ServerAccessLogsNeedSseS3),
            new("PCI.DSS.321-S3DefaultEncryptionKMS", ServerAccessLogsNeedSseS3),
            Acknowledgement.Guard("s3_bucket_default_encryption_kms_check", ServerAccessLogsNeedSseS3),
            Acknowledgement.Guard("s3_event_notifications_enabled_check", "Log objects trigger nothing; CloudTrail validation digests prove their integrity."),
            Acknowledgement.Guard("s3_bucket_object_lock_enabled_check",
                "S3 server access logs cannot be delivered to a bucket with Object Lock default retention; versioning and CloudTrail digests protect the logs."));
        AcknowledgeSingleRegion(LogsBucket);

        ImagesBucket = new Bucket(this, "ImagesBucket", new BucketProps
        {
            BucketName = names.ImagesBucket,
            Encryption = BucketEncryption.KMS,
            EncryptionKey = key,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            Versioned = true,
            ServerAccessLogsBucket = LogsBucket,
            ServerAccessLogsPrefix = AccessLogsPrefix,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "expire-images",
                    Expiration = Duration.Days(ObjectExpirationDays),
                    NoncurrentVersionExpiration = Duration.Days(NoncurrentVersionExpirationDays),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(IncompleteUploadExpirationDays),
                },
            ],
            // CloudFormation cannot delete a bucket that still holds objects; scripts/destroy.sh says how to empty it.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Acknowledgements.Add(ImagesBucket, Acknowledgement.Guard("s3_bucket_object_lock_enabled_check",
            "Uploads are untrusted and transient: they must stay deletable (30-day lifecycle, erasure requests). Versioning keeps overwritten objects 7 days."));
        AcknowledgeSingleRegion(ImagesBucket);

        RequirePipelineKey(ImagesBucket, key);
        Tags.Of(ImagesBucket).Add(ConfigCompliance.AccessLoggedTagKey, ConfigCompliance.AccessLoggedTagValue);
        NotifyQueueOfUploads(uploadQueue, names);
    }

    public Bucket ImagesBucket { get; }
    public Bucket LogsBucket { get; }

    private const string ServerAccessLogsNeedSseS3 =
        "S3 server access logging only delivers to SSE-S3 buckets; CloudTrail files in it are KMS-encrypted by the trail itself.";

    /// <summary>
    /// Default encryption covers a PutObject that asks for none; these refuse one that asks for anything but SSE-KMS
    /// with the pipeline key (SSE-S3, DSSE, another key, SSE-C). A key named in the request must be named by its ARN:
    /// S3 compares the condition key as sent (https://docs.aws.amazon.com/AmazonS3/latest/userguide/specifying-kms-encryption.html).
    /// </summary>
    private static void RequirePipelineKey(Bucket bucket, IKey key)
    {
        PolicyStatement Deny(string sid, string operatorName, string conditionKey, object value) => new(new PolicyStatementProps
        {
            Sid = sid,
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["s3:PutObject"],
            Resources = [bucket.ArnForObjects("*")],
            Conditions = new Dictionary<string, object> { [operatorName] = new Dictionary<string, object> { [conditionKey] = value } },
        });

        bucket.AddToResourcePolicy(Deny("DenyOtherEncryption", "StringNotEqualsIfExists", "s3:x-amz-server-side-encryption", "aws:kms"));
        bucket.AddToResourcePolicy(Deny("DenyOtherKmsKeys", "StringNotEqualsIfExists", "s3:x-amz-server-side-encryption-aws-kms-key-id", key.KeyArn));
        bucket.AddToResourcePolicy(Deny("DenyCustomerProvidedKeys", "Null", "s3:x-amz-server-side-encryption-customer-algorithm", "false"));
    }

    private static void AcknowledgeSingleRegion(Bucket bucket)
    {
        const string reason = "The pipeline runs in one region by design (free tier); cross-region replication would double storage " +
            "and transfer cost. Versioning guards against overwrite and deletion; images expire and can be uploaded again.";
        Acknowledgements.Add(bucket,
            new("HIPAA.Security-S3BucketReplicationEnabled", reason),
            new("NIST.800.53.R5-S3BucketReplicationEnabled", reason),
            new("PCI.DSS.321-S3BucketReplicationEnabled", reason));
    }

    private void NotifyQueueOfUploads(Queue uploadQueue, ResourceNames names)
    {
        // The bucket ARN is built from its fixed name, not referenced, so the policy does not depend on the bucket.
        uploadQueue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowImagesBucketNotifications",
            Principals = [new ServicePrincipal("s3.amazonaws.com")],
            Actions = ["sqs:SendMessage"],
            Resources = [uploadQueue.QueueArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = names.ImagesBucketArn },
                ["StringEquals"] = PolicyConditions.FromThisAccount(),
            },
        }));

        var bucket = (CfnBucket)ImagesBucket.Node.DefaultChild!;
        bucket.NotificationConfiguration = new CfnBucket.NotificationConfigurationProperty
        {
            QueueConfigurations = new object[]
            {
                new CfnBucket.QueueConfigurationProperty
                {
                    Event = "s3:ObjectCreated:*",
                    Queue = uploadQueue.QueueArn,
                    Filter = new CfnBucket.NotificationFilterProperty
                    {
                        S3Key = new CfnBucket.S3KeyFilterProperty
                        {
                            Rules = new object[]
                            {
                                new CfnBucket.FilterRuleProperty { Name = "prefix", Value = PipelineDefinition.InputPrefix },
                            },
                        },
                    },
                },
            },
        };

        // S3 tests the destination when the configuration is written: the queue policy must exist first.
        bucket.Node.AddDependency(uploadQueue.Node.FindChild("Policy"));
    }
}
