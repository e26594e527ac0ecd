using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// The function's least-privilege policy, written out rather than granted with L2 helpers so that a reviewer
/// sees every action. Queue consumption comes from the event source, X-Ray from active tracing.
/// </summary>
public static class FunctionPermissions
{
    public static readonly string[] UploadActions =
    [
        "s3:GetObject", "s3:GetObjectVersion",
        "s3:GetObjectTagging", "s3:GetObjectVersionTagging",
        "s3:PutObjectTagging", "s3:PutObjectVersionTagging",
    ];

    public static readonly string[] OutputActions = ["s3:PutObject"];
    public static readonly string[] RecordActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];
    public static readonly string[] KeyActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"];

    public static void Grant(Role role, ProcessingFunctionProps props, ILogGroup logGroup)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(logGroup);
        var statements = new[]
        {
            Allow("ReadAndTagUploads", UploadActions, props.ImagesBucket.ArnForObjects(PipelineDefinition.InputPrefix + "*")),
            Allow("WriteRenditions", OutputActions, props.ImagesBucket.ArnForObjects(PipelineDefinition.OutputPrefix + "*")),
            // Without it S3 answers 403 instead of 404 for an upload deleted before processing, and the handler
            // would retry a vanished object into the DLQ. It reveals key names, never contents.
            Allow("TellMissingUploadsApart", ["s3:ListBucket"], props.ImagesBucket.BucketArn),
            Allow("WriteRecords", RecordActions, props.RecordsTable.TableArn),
            Allow("PublishOutcomes", ["sns:Publish"], props.ImageEventsTopic.TopicArn, props.SecurityAlertsTopic.TopicArn),
            Allow("UseThePipelineKey", KeyActions, props.Key.KeyArn),
            Allow("PublishToTheEncryptedAlertTopic", ["kms:GenerateDataKey", "kms:Decrypt"], props.AlertsKey.KeyArn),
            Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], logGroup.LogGroupArn),
        };
        foreach (var statement in statements)
        {
            role.AddToPolicy(statement);
        }

        AcknowledgePolicyFindings(role, props);
    }

    private static void AcknowledgePolicyFindings(Role role, ProcessingFunctionProps props)
    {
        var bucket = Acknowledgements.ArnReference(props.ImagesBucket);
        const string inlineReason = "The policy belongs to this one role and lives and dies with it; a managed policy could be attached to other principals.";
        Acknowledgements.Add(role.Node.FindChild("DefaultPolicy"),
            new($"AwsSolutions-IAM5[Resource::{bucket}/{PipelineDefinition.InputPrefix}*]",
                "Object-level actions on any upload: the function cannot know keys in advance, and the prefix limits it to uploads/."),
            new($"AwsSolutions-IAM5[Resource::{bucket}/{PipelineDefinition.OutputPrefix}*]",
                "PutObject on any key under processed/ only: output keys mirror the upload keys."),
            new("AwsSolutions-IAM5[Resource::*]",
                "X-Ray's PutTraceSegments and PutTelemetryRecords (added by active tracing) have no resource types; AWS requires \"*\"."),
            new("HIPAA.Security-IAMNoInlinePolicy", inlineReason),
            new("NIST.800.53.R5-IAMNoInlinePolicy", inlineReason),
            new("PCI.DSS.321-IAMNoInlinePolicy", inlineReason));
    }

    private static PolicyStatement Allow(string sid, string[] actions, params string[] resources) => new(new PolicyStatementProps
    {
        Sid = sid,
        Effect = Effect.ALLOW,
        Actions = actions,
        Resources = resources,
    });
}
