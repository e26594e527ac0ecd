using Amazon.CDK;
using Constructs;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>What an operator needs after a deploy: where to upload, what to watch.</summary>
public sealed class StackOutputs : Construct
{
    public StackOutputs(Construct scope, string id, Encryption encryption, Storage storage, Messaging messaging, Records records, ProcessingFunction function, Monitoring monitoring)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(encryption);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(monitoring);
        var console = $"https://{Aws.REGION}.console.aws.amazon.com";
        Output("ImagesBucketName", storage.ImagesBucket.BucketName, "Upload images here, under the upload prefix");
        Output("UploadPrefix", PipelineDefinition.InputPrefix, "Only keys under this prefix are processed");
        Output("LogsBucketName", storage.LogsBucket.BucketName, "Access logs and the pipeline's CloudTrail deliveries");
        Output("RecordsTableName", records.Table.TableName, "One record per processed source version");
        Output("ImageEventsTopicArn", messaging.ImageEventsTopic.TopicArn, "Outcome of every upload");
        Output("SecurityAlertsTopicArn", messaging.SecurityAlertsTopic.TopicArn, "Alarms, security findings and refused events");
        Output("DeadLetterQueueUrl", messaging.DeadLetterQueue.QueueUrl, "Uploads that failed three times");
        Output("KeyArn", encryption.Key.KeyArn, "The data key: objects, queues, records, image events, function logs (retained on delete)");
        Output("AlertsKeyArn", encryption.AlertsKey.KeyArn, "The alerts key: security alerts, trail, alert dead-letter queue (retained on delete)");
        Output("FunctionName", function.Function.FunctionName, "The image function");
        Output("DashboardUrl", $"{console}/cloudwatch/home?region={Aws.REGION}#dashboards:name={monitoring.Dashboard.DashboardName}", "CloudWatch dashboard");
        Output("AlarmsUrl", $"{console}/cloudwatch/home?region={Aws.REGION}#alarmsV2:", "CloudWatch alarms");
        Output("FunctionLogsUrl", $"{console}/cloudwatch/home?region={Aws.REGION}#logsV2:log-groups/log-group/{Uri.EscapeDataString(function.LogGroup.LogGroupName)}", "Function logs");
    }

    // Plain output names (no hash suffix), so scripts and runbooks can ask for them by name.
    private void Output(string id, string value, string description) =>
        new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description }).OverrideLogicalId(id);
}
