using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// The customer-managed key behind every encrypted resource. The key policy lets this account's IAM policies
/// decide for its principals, and names each AWS service that encrypts on the pipeline's behalf, scoped to this
/// account: S3 (notifications into the encrypted queue), CloudWatch Logs, CloudTrail, and CloudWatch alarms and
/// EventBridge (deliveries to the encrypted topics). SQS, SNS, DynamoDB and Lambda use it through the caller's grants.
/// </summary>
public sealed class Encryption : Construct
{
    public Encryption(Construct scope, string id, ResourceNames names)
        : base(scope, id)
    {
        Key = new Key(this, "Key", new KeyProps
        {
            Alias = names.KeyAlias,
            Description = "Encrypts the image pipeline's objects, queues, topics, records, logs and trail",
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(30),
            // Retained data (records, logs, trail) stays readable only while the key exists.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        DenyGrantsExceptForAwsServices(Key);
        AllowServiceDeliveries(Key);
        AllowCloudWatchLogs(Key);
        AllowCloudTrail(Key);
    }

    public Key Key { get; }

    // Grants let their holder use the key without the key policy; only AWS services (DynamoDB, Lambda) need them.
    private static void DenyGrantsExceptForAwsServices(Key key)
    {
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyGrantsExceptForAwsServices",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["kms:CreateGrant"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["BoolIfExists"] = new Dictionary<string, object>
                {
                    ["kms:GrantIsForAWSResource"] = "false",
                    ["aws:PrincipalIsAWSService"] = "false",
                },
            },
        }));
    }

    private static void AllowServiceDeliveries(Key key)
    {
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowServiceDeliveriesFromThisAccount",
            Principals =
            [
                new ServicePrincipal("s3.amazonaws.com"),
                new ServicePrincipal("cloudwatch.amazonaws.com"),
                new ServicePrincipal("events.amazonaws.com"),
            ],
            Actions = ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = PolicyConditions.FromThisAccount(),
            },
        }));
    }

    private static void AllowCloudWatchLogs(Key key)
    {
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchLogsOfThisAccount",
            Principals = [new ServicePrincipal($"logs.{Aws.REGION}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:*",
                },
            },
        }));
    }

    private static void AllowCloudTrail(Key key)
    {
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudTrailOfThisAccountToEncrypt",
            Principals = [new ServicePrincipal("cloudtrail.amazonaws.com")],
            Actions = ["kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:cloudtrail:arn"] = $"arn:{Aws.PARTITION}:cloudtrail:*:{Aws.ACCOUNT_ID}:trail/*",
                },
                ["StringEquals"] = PolicyConditions.FromThisAccount(),
            },
        }));
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudTrailToDescribeKey",
            Principals = [new ServicePrincipal("cloudtrail.amazonaws.com")],
            Actions = ["kms:DescribeKey"],
            Resources = ["*"],
        }));
    }
}
