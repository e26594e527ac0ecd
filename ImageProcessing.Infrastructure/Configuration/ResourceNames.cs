using Amazon.CDK;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Configuration;

/// <summary>
/// Deployed names: the pipeline definition's names behind the stack's prefix, so two stacks in one account
/// never collide. Names are fixed rather than generated because the bucket notification and the queue policy
/// must refer to each other without a dependency cycle.
/// </summary>
public sealed class ResourceNames(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>Bucket names are global: the account and region make them unique.</summary>
    public string ImagesBucket => $"{Prefixed(PipelineDefinition.Names.ImagesBucket)}-{Aws.ACCOUNT_ID}-{Aws.REGION}";

    public string LogsBucket => $"{Prefixed("logs")}-{Aws.ACCOUNT_ID}-{Aws.REGION}";

    /// <summary>The baseline stack's bucket for AWS Config deliveries (one per account and region).</summary>
    public string ConfigBucket => $"{Prefixed("config")}-{Aws.ACCOUNT_ID}-{Aws.REGION}";
    public string UploadQueue => Prefixed(PipelineDefinition.Names.UploadQueue);
    public string DeadLetterQueue => Prefixed(PipelineDefinition.Names.DeadLetterQueue);
    public string RecordsTable => Prefixed(PipelineDefinition.Names.RecordsTable);
    public string ImageEventsTopic => Prefixed(PipelineDefinition.Names.ImageEventsTopic);
    public string SecurityAlertsTopic => Prefixed(PipelineDefinition.Names.SecurityAlertsTopic);
    public string KeyAlias => "alias/" + Prefixed(PipelineDefinition.Names.KeyAlias["alias/".Length..]);
    public string AlertsKeyAlias => KeyAlias + "-alerts";
    public string AlertDeadLetterQueue => Prefixed(PipelineDefinition.Names.SecurityAlertsTopic + "-dlq");

    /// <summary>Alarms are named explicitly, so the runbook and a search in the console find them as written.</summary>
    public string Alarm(string name) => Prefixed(name);
    public string Function => Prefixed("image-function");
    public string Dashboard => Prefixed("dashboard");
    public string Trail => Prefixed("trail");

    public string ImagesBucketArn => $"arn:{Aws.PARTITION}:s3:::{ImagesBucket}";

    private string Prefixed(string name) => $"{Prefix}-{name}";
}
