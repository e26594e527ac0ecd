namespace ImageProcessing.Infrastructure.Configuration;

/// <summary>The names accepted with <c>cdk synth -c name=value</c> (or in cdk.json's "context").</summary>
public static class ContextKeys
{
    public const string StackName = "stackName";
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
}
