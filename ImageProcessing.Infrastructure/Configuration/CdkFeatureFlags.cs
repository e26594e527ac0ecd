namespace ImageProcessing.Infrastructure.Configuration;

/// <summary>
/// The CDK feature flags the stack is written for. They live in code, not only in cdk.json, so that tests and a
/// synth without the CLI build the same template.
/// </summary>
public static class CdkFeatureFlags
{
    public static IReadOnlyDictionary<string, object> All { get; } = new Dictionary<string, object>
    {
        // Access-log delivery through a bucket policy, so the logs bucket can keep ACLs disabled.
        ["@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy"] = true,
        ["@aws-cdk/aws-iam:minimizePolicies"] = true,
        ["@aws-cdk/aws-iam:standardizedServicePrincipals"] = true,
        ["@aws-cdk/aws-kms:aliasNameRef"] = true,
        ["@aws-cdk/aws-kms:reduceCrossAccountRegionPolicyScope"] = true,
        ["@aws-cdk/core:enablePartitionLiterals"] = true,
        ["@aws-cdk/core:checkSecretUsage"] = true,
        ["@aws-cdk/aws-lambda:recognizeLayerVersion"] = true,
        ["@aws-cdk/aws-events:eventsTargetQueueSameAccount"] = true,
    };

    /// <summary>The flags plus <paramref name="context"/> (which wins), as <c>AppProps.Context</c> wants them.</summary>
    public static Dictionary<string, object> With(IReadOnlyDictionary<string, object>? context = null)
    {
        var merged = new Dictionary<string, object>(All);
        foreach (var (key, value) in context ?? new Dictionary<string, object>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
