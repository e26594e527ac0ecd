using ImageProcessing.Pipeline;

namespace ImageProcessing.Operations;

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
