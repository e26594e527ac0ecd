namespace ImageProcessing.Infrastructure.Configuration;

/// <summary>The names accepted with <c>cdk synth -c name=value</c> (or in cdk.json's "context").</summary>
public static class ContextKeys
{
    public const string StackName = "stackName";

    /// <summary>The stack of the account-wide services (GuardDuty, Security Hub, AWS Config), deployed once per account and region.</summary>
    public const string BaselineStackName = "baselineStackName";
    public const string ResourcePrefix = "resourcePrefix";
    public const string LambdaPackage = "lambdaPackage";
    public const string FunctionMemoryMegabytes = "functionMemoryMb";
    public const string FunctionTimeoutSeconds = "functionTimeoutSeconds";

    /// <summary>A number, or "none" to leave the function on the account's unreserved pool.</summary>
    public const string ReservedConcurrency = "reservedConcurrency";

    public const string MaximumConcurrency = "maximumConcurrency";
    public const string AlertEmail = "alertEmail";
    public const string ImageEventsEmail = "imageEventsEmail";
    public const string EnableCloudTrail = "enableCloudTrail";
    public const string EnableGuardDuty = "enableGuardDuty";
    public const string EnableMalwareProtection = "enableMalwareProtection";
    public const string EnableSecurityHub = "enableSecurityHub";
    public const string EnableConfig = "enableConfig";

    /// <summary>The only role (besides the CDK deployment role) that may disable, delete or re-policy the keys; scripts/deploy.sh requires it.</summary>
    public const string KeyAdminRoleArn = "keyAdminRoleArn";

    /// <summary>Rejections in five minutes that raise the rejection-spike alarm.</summary>
    public const string RejectionAlarmThreshold = "rejectionAlarmThreshold";
}
