using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SQS;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>The upload queue with its dead-letter queue, and the two topics the function and the alarms publish to.</summary>
public sealed class Messaging : Construct
{
    /// <param name="key">The data key: queues and the image-events topic.</param>
    /// <param name="alertsKey">The alerts key: the security-alerts topic.</param>
    public Messaging(Construct scope, string id, IKey key, IKey alertsKey, StackSettings settings)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Names;

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = names.DeadLetterQueue,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = key,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(PipelineDefinition.QueueRetentionDays),
        });

        const string deadLetterReason = "This is the dead-letter queue; a queue behind it would only move the problem. " +
            "The DeadLetterQueueNotEmpty alarm fires on its first message.";
        Acknowledgements.Add(DeadLetterQueue,
            new("Serverless-SQSRedrivePolicy", deadLetterReason),
            Acknowledgement.Guard("sqs_dlq_check", deadLetterReason));

        UploadQueue = new Queue(this, "UploadQueue", new QueueProps
        {
            QueueName = names.UploadQueue,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = key,
            EnforceSSL = true,
            VisibilityTimeout = Duration.Seconds(settings.QueueVisibilityTimeoutSeconds),
            RetentionPeriod = Duration.Days(PipelineDefinition.QueueRetentionDays),
            DeadLetterQueue = new DeadLetterQueue
            {
                Queue = DeadLetterQueue,
                MaxReceiveCount = PipelineDefinition.QueueMaxReceiveCount,
            },
        });

        ImageEventsTopic = EncryptedTopic("ImageEventsTopic", names.ImageEventsTopic, key);
        SecurityAlertsTopic = EncryptedTopic("SecurityAlertsTopic", names.SecurityAlertsTopic, alertsKey);
        RequireTls(ImageEventsTopic);
        RequireTls(SecurityAlertsTopic);
        AllowCloudWatchAlarms(SecurityAlertsTopic);

        Subscribe(SecurityAlertsTopic, settings.AlertEmail);
        Subscribe(ImageEventsTopic, settings.ImageEventsEmail);
    }

    public Queue UploadQueue { get; }
    public Queue DeadLetterQueue { get; }
    public Topic ImageEventsTopic { get; }
    public Topic SecurityAlertsTopic { get; }

    private Topic EncryptedTopic(string id, string name, IKey key) => new(this, id, new TopicProps
    {
        TopicName = name,
        DisplayName = name,
        MasterKey = key,
    });

    // The L2's enforceSSL only takes effect on a topic that gets a policy for other reasons: state it for each topic.
    private static void RequireTls(Topic topic)
    {
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyPublishWithoutTls",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
            },
        }));
    }

    // A topic with its own policy no longer has SNS's default one, which let CloudWatch alarms in the account publish.
    private static void AllowCloudWatchAlarms(Topic topic)
    {
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchAlarmsOfThisAccount",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = PolicyConditions.FromThisAccount(),
            },
        }));
    }

    private static void Subscribe(Topic topic, string? email)
    {
        if (email is null)
        {
            return;
        }

        topic.AddSubscription(new EmailSubscription(email));
        var subscription = topic.Node.Children.OfType<Subscription>().Last();
        Acknowledgements.Add(subscription, new Acknowledgement("Serverless-SNSRedrivePolicy",
            "An email subscription serves people: SNS retries delivery, and what it announces stays in the records table and the alarm history."));
    }
}
