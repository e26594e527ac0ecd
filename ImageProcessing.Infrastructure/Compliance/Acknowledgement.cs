namespace ImageProcessing.Infrastructure.Compliance;

/// <summary>
/// A scanner finding accepted on purpose. <paramref name="RuleId"/> is a cdk-nag rule (e.g. "AwsSolutions-S1",
/// or "AwsSolutions-IAM5[Resource::*]" for one finding of a rule) or a cfn-guard Control Tower rule prefixed with
/// its plugin ("cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check").
/// </summary>
public sealed record Acknowledgement(string RuleId, string Reason)
{
    public const string GuardPrefix = "cdk-validator-cfnguard::";

    public static Acknowledgement Guard(string ruleName, string reason) => new(GuardPrefix + ruleName, reason);
}
