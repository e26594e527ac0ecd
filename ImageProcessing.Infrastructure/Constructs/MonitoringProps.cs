using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>What the alarms and the dashboard watch, and where they report.</summary>
public sealed record MonitoringProps(
    ResourceNames Names,
    int FunctionTimeoutSeconds,
    IFunction Function,
    IQueue UploadQueue,
    IQueue DeadLetterQueue,
    IBucket ImagesBucket,
    ITopic AlertsTopic);
