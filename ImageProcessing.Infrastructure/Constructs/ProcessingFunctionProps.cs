using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>What the function is wired to.</summary>
public sealed record ProcessingFunctionProps(
    StackSettings Settings,
    IKey Key,
    IKey AlertsKey,
    IBucket ImagesBucket,
    IQueue UploadQueue,
    ITable RecordsTable,
    ITopic ImageEventsTopic,
    ITopic SecurityAlertsTopic);
