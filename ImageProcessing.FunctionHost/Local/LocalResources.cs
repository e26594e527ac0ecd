using ImageProcessing.Function.Pipeline;

namespace ImageProcessing.FunctionHost.Local;

/// <summary>Names of the local pipeline's resources; a prefix keeps parallel environments (tests) apart.</summary>
public sealed record LocalNames(string Prefix = "")
{
    public string Bucket => Prefix + PipelineDefinition.Names.ImagesBucket;
    public string UploadQueue => Prefix + PipelineDefinition.Names.UploadQueue;
    public string DeadLetterQueue => Prefix + PipelineDefinition.Names.DeadLetterQueue;
    public string RecordsTable => Prefix + PipelineDefinition.Names.RecordsTable;
    public string ImageEventsTopic => Prefix + PipelineDefinition.Names.ImageEventsTopic;
    public string SecurityAlertsTopic => Prefix + PipelineDefinition.Names.SecurityAlertsTopic;
    public string ImageEventsInbox => Prefix + PipelineDefinition.Names.ImageEventsTopic + "-inbox";
    public string SecurityAlertsInbox => Prefix + PipelineDefinition.Names.SecurityAlertsTopic + "-inbox";
    public string KeyAlias => PipelineDefinition.Names.KeyAlias + (Prefix.Length > 0 ? "-" + Prefix.TrimEnd('-') : string.Empty);
}

/// <summary>The local pipeline's configuration: <c>Pipeline:NamePrefix</c> and <c>Pipeline:VisibilityTimeoutSeconds</c>.</summary>
public sealed record LocalPipelineSettings(LocalNames Names, int VisibilityTimeoutSeconds)
{
    public static LocalPipelineSettings From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var visibility = int.TryParse(configuration["Pipeline:VisibilityTimeoutSeconds"], out var seconds) && seconds > 0
            ? seconds
            : PipelineDefinition.QueueVisibilityTimeoutSeconds;
        return new LocalPipelineSettings(new LocalNames(configuration["Pipeline:NamePrefix"] ?? string.Empty), visibility);
    }
}

/// <summary>What provisioning created or found: everything the function and a developer need to find.</summary>
public sealed record LocalResources(
    string Region,
    string KmsKeyId,
    string Bucket,
    string UploadQueueUrl,
    string UploadQueueArn,
    string DeadLetterQueueUrl,
    string RecordsTable,
    string ImageEventsTopicArn,
    string SecurityAlertsTopicArn,
    string ImageEventsInboxUrl,
    string SecurityAlertsInboxUrl)
{
    /// <summary>The function's environment contract for these resources.</summary>
    public IReadOnlyDictionary<string, string> FunctionEnvironment() => new Dictionary<string, string>
    {
        [PipelineDefinition.EnvironmentVariables.ImagesBucket] = Bucket,
        [PipelineDefinition.EnvironmentVariables.RecordsTable] = RecordsTable,
        [PipelineDefinition.EnvironmentVariables.ImageEventsTopicArn] = ImageEventsTopicArn,
        [PipelineDefinition.EnvironmentVariables.SecurityAlertsTopicArn] = SecurityAlertsTopicArn,
        [PipelineDefinition.EnvironmentVariables.KmsKeyId] = KmsKeyId,
    };
}
