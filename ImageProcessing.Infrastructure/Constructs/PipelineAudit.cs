using Amazon.CDK.AWS.S3;
using Constructs;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// The pipeline's own auditing: its data-event trail (an option, as organisation trails often exist already) and
/// malware scanning of uploads (an option, billed per scanned object). The account-wide services are the baseline
/// stack's.
/// </summary>
public sealed class PipelineAudit : Construct
{
    public PipelineAudit(Construct scope, string id, StackSettings settings, Encryption encryption, Bucket logsBucket, IBucket imagesBucket)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(encryption);
        if (settings.EnableCloudTrail)
        {
            AuditTrail = new AuditTrail(this, "AuditTrail", settings.Names, encryption.AlertsKey, logsBucket, imagesBucket);
        }

        if (settings.EnableMalwareProtection)
        {
            MalwareScanning = new MalwareScanning(this, "MalwareScanning", encryption.Key, imagesBucket);
        }
    }

    public AuditTrail? AuditTrail { get; }
    public MalwareScanning? MalwareScanning { get; }
}
