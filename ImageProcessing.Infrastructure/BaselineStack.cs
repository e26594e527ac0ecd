using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Infrastructure;

/// <summary>
/// The account-wide security services: a GuardDuty detector, Security Hub with the CIS standard, and an AWS Config
/// recorder with its delivery channel and rules. An account or region can have only one of each, and many already
/// have them (AWS Organizations, Control Tower): deploy this stack once per account and region, with only what the
/// account lacks (scripts/aws_preflight.sh says which), before the pipeline's stack.
/// </summary>
public sealed class BaselineStack : Stack
{
    /// <summary>Config's configuration snapshots and history, kept as long as the pipeline's own logs.</summary>
    public const int ConfigRetentionDays = Storage.LogRetentionDays;

    public BaselineStack(Construct scope, string id, StackSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.EnableGuardDuty)
        {
            ThreatDetection = new ThreatDetection(this, "ThreatDetection");
        }

        if (settings.EnableSecurityHub)
        {
            SecurityHub = new SecurityHubStandards(this, "SecurityHub");
        }

        if (settings.EnableConfig)
        {
            ConfigBucket = DeliveryBucket(settings.Names);
            Config = new ConfigCompliance(this, "Config", ConfigBucket);
        }
    }

    public ThreatDetection? ThreatDetection { get; }
    public SecurityHubStandards? SecurityHub { get; }
    public Bucket? ConfigBucket { get; }
    public ConfigCompliance? Config { get; }

    private Bucket DeliveryBucket(ResourceNames names)
    {
        var bucket = new Bucket(this, "ConfigBucket", new BucketProps
        {
            BucketName = names.ConfigBucket,
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
                    Id = "retain-config-history",
                    Expiration = Duration.Days(ConfigRetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(Storage.NoncurrentLogExpirationDays),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(Storage.IncompleteUploadExpirationDays),
                },
            ],
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        const string sseS3 = "Config's snapshots describe resources, not data; SSE-S3 spares a third customer-managed key ($1 a month) " +
            "in a private, TLS-only, versioned bucket.";
        const string notLogged = "This bucket holds AWS Config's deliveries, a log in itself; access-logging it would need another bucket.";
        const string singleRegion = "Config records one region by design; its history is kept a year and can be rebuilt from the resources.";
        Acknowledgements.Add(bucket,
            new("AwsSolutions-S1", notLogged),
            new("HIPAA.Security-S3BucketLoggingEnabled", notLogged),
            new("NIST.800.53.R5-S3BucketLoggingEnabled", notLogged),
            new("PCI.DSS.321-S3BucketLoggingEnabled", notLogged),
            Acknowledgement.Guard("s3_bucket_logging_enabled_check", notLogged),
            new("HIPAA.Security-S3DefaultEncryptionKMS", sseS3),
            new("NIST.800.53.R5-S3DefaultEncryptionKMS", sseS3),
            new("PCI.DSS.321-S3DefaultEncryptionKMS", sseS3),
            Acknowledgement.Guard("s3_bucket_default_encryption_kms_check", sseS3),
            new("HIPAA.Security-S3BucketReplicationEnabled", singleRegion),
            new("NIST.800.53.R5-S3BucketReplicationEnabled", singleRegion),
            new("PCI.DSS.321-S3BucketReplicationEnabled", singleRegion),
            Acknowledgement.Guard("s3_event_notifications_enabled_check", "Config deliveries trigger nothing."),
            Acknowledgement.Guard("s3_bucket_object_lock_enabled_check", "Versioning protects Config's history; Object Lock would keep it beyond its retention."));
        return bucket;
    }
}
