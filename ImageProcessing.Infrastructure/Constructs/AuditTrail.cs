using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// A multi-region CloudTrail trail with log file validation, encrypted with the alerts key, that also records
/// S3 data events (reads and writes of every object) of the images bucket.
/// </summary>
public sealed class AuditTrail : Construct
{
    public const string KeyPrefix = "cloudtrail";

    public AuditTrail(Construct scope, string id, ResourceNames names, IKey key, IBucket logsBucket, IBucket imagesBucket)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(names);
        Trail = new Trail(this, "Trail", new TrailProps
        {
            TrailName = names.Trail,
            Bucket = logsBucket,
            S3KeyPrefix = KeyPrefix,
            EncryptionKey = key,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            EnableFileValidation = true,
            SendToCloudWatchLogs = false,
        });
        Trail.AddS3EventSelector([new S3EventSelector { Bucket = imagesBucket }], new AddEventSelectorOptions
        {
            ReadWriteType = ReadWriteType.ALL,
            IncludeManagementEvents = true,
        });

        const string reason = "The trail is kept in S3 for 365 days with validation digests; CloudWatch Logs delivery " +
            "would duplicate it at a cost beyond the free tier. GuardDuty and the EventBridge rules watch the events.";
        Acknowledgements.Add(Trail,
            new("HIPAA.Security-CloudTrailCloudWatchLogsEnabled", reason),
            new("NIST.800.53.R5-CloudTrailCloudWatchLogsEnabled", reason),
            new("PCI.DSS.321-CloudTrailCloudWatchLogsEnabled", reason),
            Acknowledgement.Guard("cloud_trail_cloud_watch_logs_enabled_check", reason));
    }

    public Trail Trail { get; }
}
