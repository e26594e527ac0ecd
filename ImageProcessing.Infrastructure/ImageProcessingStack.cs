using Amazon.CDK;
using Constructs;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Infrastructure;

/// <summary>
/// The image pipeline on AWS: uploads/ → SQS (+DLQ) → Lambda → processed/ + DynamoDB + SNS, everything encrypted
/// with one customer-managed key, watched by alarms and the account's security services.
/// </summary>
public sealed class ImageProcessingStack : Stack
{
    public ImageProcessingStack(Construct scope, string id, StackSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var names = settings.Names;

        Encryption = new Encryption(this, "Encryption", names);
        Messaging = new Messaging(this, "Messaging", Encryption.Key, settings);
        Storage = new Storage(this, "Storage", Encryption.Key, Messaging.UploadQueue, names);
        Records = new Records(this, "Records", Encryption.Key, names);
        Function = new ProcessingFunction(this, "ImageFunction", new ProcessingFunctionProps(
            settings, Encryption.Key, Storage.ImagesBucket, Messaging.UploadQueue, Records.Table,
            Messaging.ImageEventsTopic, Messaging.SecurityAlertsTopic));
        Monitoring = new Monitoring(this, "Monitoring", new MonitoringProps(
            names, settings.FunctionTimeoutSeconds, Function.Function, Messaging.UploadQueue, Messaging.DeadLetterQueue,
            Storage.ImagesBucket, Messaging.SecurityAlertsTopic));
        SecurityEvents = new SecurityEvents(this, "SecurityEvents", Encryption.Key, Messaging.SecurityAlertsTopic);
        AccountSecurity = new AccountSecurity(this, "AccountSecurity", settings, Encryption.Key, Storage.LogsBucket, Storage.ImagesBucket);
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
    public AccountSecurity AccountSecurity { get; }
}
