using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>What the alarms and the dashboard watch, and where they report.</summary>
public sealed record MonitoringProps(
    StackSettings Settings,
    IFunction Function,
    IQueue UploadQueue,
    IQueue DeadLetterQueue,
    IQueue AlertDeadLetterQueue,
    IBucket ImagesBucket,
    IBucket LogsBucket,
    ITopic AlertsTopic);
