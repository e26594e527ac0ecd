using Amazon.CDK;
using Constructs;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Infrastructure;

/// <summary>
/// The image pipeline on AWS: uploads/ → SQS (+DLQ) → Lambda → processed/ + DynamoDB + SNS, encrypted with a data
/// key, and alarms and security events on their own alerts key. The account-wide security services are the
/// <see cref="BaselineStack"/>'s.
/// </summary>
public sealed class ImageProcessingStack : Stack
{
    public ImageProcessingStack(Construct scope, string id, StackSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var names = settings.Names;

        Encryption = new Encryption(this, "Encryption", settings);
        Messaging = new Messaging(this, "Messaging", Encryption.Key, Encryption.AlertsKey, settings);
        Storage = new Storage(this, "Storage", Encryption.Key, Messaging.UploadQueue, names);
        Records = new Records(this, "Records", Encryption.Key, names);
        Function = new ProcessingFunction(this, "ImageFunction", new ProcessingFunctionProps(
            settings, Encryption.Key, Encryption.AlertsKey, Storage.ImagesBucket, Messaging.UploadQueue, Records.Table,
            Messaging.ImageEventsTopic, Messaging.SecurityAlertsTopic));
        SecurityEvents = new SecurityEvents(this, "SecurityEvents", Encryption, Messaging.SecurityAlertsTopic, names);
        Monitoring = new Monitoring(this, "Monitoring", new MonitoringProps(
            settings, Function.Function, Messaging.UploadQueue, Messaging.DeadLetterQueue, SecurityEvents.DeadLetterQueue,
            Storage.ImagesBucket, Storage.LogsBucket, Messaging.SecurityAlertsTopic));
        Audit = new PipelineAudit(this, "Audit", settings, Encryption, Storage.LogsBucket, Storage.ImagesBucket);
        _ = new StackOutputs(this, "Outputs", Encryption, Storage, Messaging, Records, Function, Monitoring);
    }

    public StackSettings Settings { get; }
    public Encryption Encryption { get; }
    public Messaging Messaging { get; }
    public Storage Storage { get; }
    public Records Records { get; }
    public ProcessingFunction Function { get; }
    public Monitoring Monitoring { get; }
    public SecurityEvents SecurityEvents { get; }
    public PipelineAudit Audit { get; }
}
