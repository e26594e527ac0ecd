using Amazon.CDK;
using Amazon.CDK.AWS.Config;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// An AWS Config recorder limited to the resource types the pipeline deploys (Config bills per recorded change),
/// its delivery channel, and managed rules that re-check the pipeline's controls in the account.
/// </summary>
public sealed class ConfigCompliance : Construct
{
    public const string KeyPrefix = "config";

    public static readonly string[] RecordedResourceTypes =
    [
        "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::DynamoDB::Table", "AWS::Lambda::Function",
        "AWS::KMS::Key", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::CloudTrail::Trail",
    ];

    public const string AccessLoggingRule = "S3_BUCKET_LOGGING_ENABLED";

    /// <summary>
    /// Buckets that must have access logging carry this tag (the pipeline's images buckets); log destinations do not,
    /// and one recorder serves every copy of the pipeline in the account.
    /// </summary>
    public const string AccessLoggedTagKey = "image-processing:access-logged";
    public const string AccessLoggedTagValue = "required";

    /// <summary>AWS Config managed rule identifiers, each proving a control of this stack in the live account.</summary>
    public static readonly string[] ManagedRules =
    [
        "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "S3_BUCKET_SSL_REQUESTS_ONLY",
        "S3_BUCKET_VERSIONING_ENABLED", AccessLoggingRule, "SNS_ENCRYPTED_KMS", "DYNAMODB_PITR_ENABLED",
        "DYNAMODB_TABLE_ENCRYPTED_KMS", "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", "CMK_BACKING_KEY_ROTATION_ENABLED",
        "CLOUD_TRAIL_ENCRYPTION_ENABLED", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "MULTI_REGION_CLOUD_TRAIL_ENABLED",
    ];

    public ConfigCompliance(Construct scope, string id, Bucket logsBucket)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(logsBucket);
        var role = new Role(this, "RecorderRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("config.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWS_ConfigRole")],
        });
        Acknowledgements.Add(role,
            new Acknowledgement("AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]",
                "AWS maintains this read-only policy for every resource type Config can record; writing it out would fall behind."));

        Recorder = new CfnConfigurationRecorder(this, "Recorder", new CfnConfigurationRecorderProps
        {
            RoleArn = role.RoleArn,
            RecordingGroup = new CfnConfigurationRecorder.RecordingGroupProperty
            {
                AllSupported = false,
                IncludeGlobalResourceTypes = false,
                ResourceTypes = RecordedResourceTypes,
            },
        });

        AllowDelivery(logsBucket);
        DeliveryChannel = new CfnDeliveryChannel(this, "DeliveryChannel", new CfnDeliveryChannelProps
        {
            S3BucketName = logsBucket.BucketName,
            S3KeyPrefix = KeyPrefix,
        });
        DeliveryChannel.Node.AddDependency(logsBucket.Policy!);

        Rules = ManagedRules.Select(identifier =>
        {
            var rule = new ManagedRule(this, identifier, new ManagedRuleProps
            {
                Identifier = identifier,
                // Log destinations are not logged themselves: check the buckets tagged as needing it.
                RuleScope = identifier == AccessLoggingRule ? RuleScope.FromTag(AccessLoggedTagKey, AccessLoggedTagValue) : null,
            });
            rule.Node.AddDependency(Recorder);
            rule.Node.AddDependency(DeliveryChannel);
            return rule;
        }).ToArray();
    }

    public CfnConfigurationRecorder Recorder { get; }
    public CfnDeliveryChannel DeliveryChannel { get; }
    public ManagedRule[] Rules { get; }

    private static void AllowDelivery(Bucket logsBucket)
    {
        var thisAccount = new Dictionary<string, object>
        {
            ["StringEquals"] = PolicyConditions.FromThisAccount(),
        };
        logsBucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowConfigToCheckTheBucket",
            Principals = [new ServicePrincipal("config.amazonaws.com")],
            Actions = ["s3:GetBucketAcl", "s3:ListBucket"],
            Resources = [logsBucket.BucketArn],
            Conditions = thisAccount,
        }));
        logsBucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowConfigDelivery",
            Principals = [new ServicePrincipal("config.amazonaws.com")],
            Actions = ["s3:PutObject"],
            Resources = [logsBucket.ArnForObjects($"{KeyPrefix}/AWSLogs/{Aws.ACCOUNT_ID}/Config/*")],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    ["aws:SourceAccount"] = Aws.ACCOUNT_ID,
                    ["s3:x-amz-acl"] = "bucket-owner-full-control",
                },
            },
        }));
    }
}
