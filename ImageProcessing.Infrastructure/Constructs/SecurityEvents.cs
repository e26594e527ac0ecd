using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// EventBridge rules that forward security events to the security-alerts topic: the pipeline key being disabled
/// or scheduled for deletion (seen through CloudTrail's management events, which EventBridge receives even
/// without a trail), GuardDuty findings, and GuardDuty Malware Protection's threats in uploads.
/// </summary>
public sealed class SecurityEvents : Construct
{
    /// <summary>GuardDuty's "medium" and above.</summary>
    public const int MinimumFindingSeverity = 4;

    public SecurityEvents(Construct scope, string id, IKey key, ITopic alertsTopic)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(key);
        var target = new SnsTopic(alertsTopic);

        KeyStateRule = new Rule(this, "KeyDisabledOrScheduledForDeletion", new RuleProps
        {
            Description = "The pipeline's KMS key was disabled or scheduled for deletion",
            EventPattern = new EventPattern
            {
                Source = ["aws.kms"],
                DetailType = ["AWS API Call via CloudTrail"],
                Detail = new Dictionary<string, object>
                {
                    ["eventSource"] = new[] { "kms.amazonaws.com" },
                    ["eventName"] = new[] { "DisableKey", "ScheduleKeyDeletion" },
                    ["resources"] = new Dictionary<string, object> { ["ARN"] = new[] { key.KeyArn } },
                },
            },
            Targets = [target],
        });
        AcknowledgeNoDeadLetterQueue(KeyStateRule);

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
        AcknowledgeNoDeadLetterQueue(GuardDutyFindingRule);

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
        AcknowledgeNoDeadLetterQueue(MalwareScanRule);
    }

    private static void AcknowledgeNoDeadLetterQueue(Rule rule) => Acknowledgements.Add(rule, new Acknowledgement(
        "Serverless-EventBusDLQ",
        "EventBridge retries delivery to the topic for 24 hours, and the event itself stays in CloudTrail and GuardDuty, so a lost notification loses no evidence."));

    public Rule KeyStateRule { get; }
    public Rule GuardDutyFindingRule { get; }
    public Rule MalwareScanRule { get; }
}
