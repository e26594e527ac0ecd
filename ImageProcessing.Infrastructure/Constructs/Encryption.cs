using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// Two customer-managed keys. The data key encrypts the pipeline's objects, queues, records, image events and the
/// function's logs; the alerts key encrypts the security-alerts topic, the trail and the alert dead-letter queue, so
/// disabling the data key cannot silence the alarm about it. Each key policy lets this account's IAM policies decide
/// for its principals and names each AWS service that encrypts on the pipeline's behalf, scoped to this account.
/// With a key-administrator role configured, only that role and the CDK deployment role may disable a key, schedule
/// its deletion or change its policy.
/// </summary>
public sealed class Encryption : Construct
{
    private static readonly string[] KeyAdministration = ["kms:DisableKey", "kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"];

    public Encryption(Construct scope, string id, StackSettings settings)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Names;
        Key = CustomerManagedKey("Key", names.KeyAlias, "Encrypts the image pipeline's objects, queues, records, image events and function logs");
        AllowServiceDeliveries(Key, "s3.amazonaws.com"); // upload notifications into the encrypted queue
        AllowCloudWatchLogs(Key);

        AlertsKey = CustomerManagedKey("AlertsKey", names.AlertsKeyAlias, "Encrypts the image pipeline's security alerts, trail and alert dead-letter queue");
        AllowServiceDeliveries(AlertsKey, "cloudwatch.amazonaws.com", "events.amazonaws.com"); // alarms and rules into the alert topic and DLQ
        AllowCloudTrail(AlertsKey);

        foreach (var key in new[] { Key, AlertsKey })
        {
            DenyGrantsExceptForAwsServices(key);
            if (settings.KeyAdminRoleArn is { } admin)
            {
                ReserveAdministrationTo(key, admin);
            }
        }
    }

    public Key Key { get; }
    public Key AlertsKey { get; }

    private Key CustomerManagedKey(string id, string alias, string description) => new(this, id, new KeyProps
    {
        Alias = alias,
        Description = description,
        EnableKeyRotation = true,
        PendingWindow = Duration.Days(30),
        // Retained data (records, logs, trail) stays readable only while the key exists.
        RemovalPolicy = RemovalPolicy.RETAIN,
    });

    /// <summary>Any IAM administrator could otherwise disable the key: the pipeline and its alarms would go dark together.</summary>
    private static void ReserveAdministrationTo(Key key, string adminRoleArn)
    {
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReserveKeyAdministrationToTheKeyAdministrator",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = KeyAdministration,
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnNotLike"] = new Dictionary<string, object>
                {
                    // The CDK bootstrap's execution role deploys (and on destroy schedules deletion of) the keys.
                    ["aws:PrincipalArn"] = new[] { adminRoleArn, $"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:role/cdk-*-cfn-exec-role-*" },
                },
            },
        }));
    }

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

    private static void AllowServiceDeliveries(Key key, params string[] services)
    {
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowServiceDeliveriesFromThisAccount",
            Principals = [.. services.Select(service => new ServicePrincipal(service))],
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
