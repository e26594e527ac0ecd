using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// EventBridge rules that forward security events to the security-alerts topic: a pipeline key being disabled
/// or scheduled for deletion (seen through CloudTrail's management events, which EventBridge receives even
/// without a trail), GuardDuty findings, and GuardDuty Malware Protection's threats in uploads. An event EventBridge
/// cannot deliver (after its 24 hours of retries) lands in the alert dead-letter queue, which has an alarm.
/// </summary>
public sealed class SecurityEvents : Construct
{
    /// <summary>GuardDuty's "medium" and above.</summary>
    public const int MinimumFindingSeverity = 4;

    public SecurityEvents(Construct scope, string id, Encryption encryption, ITopic alertsTopic, ResourceNames names)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(encryption);
        ArgumentNullException.ThrowIfNull(names);
        DeadLetterQueue = new Queue(this, "AlertDeadLetterQueue", new QueueProps
        {
            QueueName = names.AlertDeadLetterQueue,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = encryption.AlertsKey,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(PipelineDefinition.QueueRetentionDays),
        });
        const string deadLetterReason = "This is the dead-letter queue of the alert rules; the AlertDeadLetterQueueNotEmpty alarm fires on its first message.";
        Acknowledgements.Add(DeadLetterQueue,
            new("Serverless-SQSRedrivePolicy", deadLetterReason),
            new("AwsSolutions-SQS3", deadLetterReason),
            Acknowledgement.Guard("sqs_dlq_check", deadLetterReason));
        var target = new SnsTopic(alertsTopic, new SnsTopicProps { DeadLetterQueue = DeadLetterQueue });

        KeyStateRule = new Rule(this, "KeyDisabledOrScheduledForDeletion", new RuleProps
        {
            Description = "A pipeline KMS key was disabled or scheduled for deletion",
            EventPattern = new EventPattern
            {
                Source = ["aws.kms"],
                DetailType = ["AWS API Call via CloudTrail"],
                Detail = new Dictionary<string, object>
                {
                    ["eventSource"] = new[] { "kms.amazonaws.com" },
                    ["eventName"] = new[] { "DisableKey", "ScheduleKeyDeletion" },
                    ["resources"] = new Dictionary<string, object> { ["ARN"] = new[] { encryption.Key.KeyArn, encryption.AlertsKey.KeyArn } },
                },
            },
            Targets = [target],
        });

        GuardDutyFindingRule = new Rule(this, "GuardDutyFinding", new RuleProps
        {
            Description = "GuardDuty reported a finding of medium severity or above",
            EventPattern = new EventPattern
            {
                Source = ["aws.guardduty"],
                DetailType = ["GuardDuty Finding"],
                Detail = new Dictionary<string, object>
                {
                    ["severity"] = new object[] { new Dictionary<string, object> { ["numeric"] = new object[] { ">=", MinimumFindingSeverity } } },
                },
            },
            Targets = [target],
        });

        MalwareScanRule = new Rule(this, "MalwareFoundInUpload", new RuleProps
        {
            Description = "GuardDuty Malware Protection for S3 found a threat in an upload",
            EventPattern = new EventPattern
            {
                Source = ["aws.guardduty"],
                DetailType = ["GuardDuty Malware Protection Object Scan Result"],
                Detail = new Dictionary<string, object>
                {
                    ["scanResultDetails"] = new Dictionary<string, object> { ["scanResultStatus"] = new[] { "THREATS_FOUND" } },
                },
            },
            Targets = [target],
        });
    }

    public Queue DeadLetterQueue { get; }

    public Rule KeyStateRule { get; }
    public Rule GuardDutyFindingRule { get; }
    public Rule MalwareScanRule { get; }
}
