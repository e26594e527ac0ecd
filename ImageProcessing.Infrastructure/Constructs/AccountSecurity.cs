using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// The account-wide security services. Each is a per-account (or per-region) singleton that an account may
/// already run, for example under AWS Organizations or Control Tower, so each can be switched off by context.
/// </summary>
public sealed class AccountSecurity : Construct
{
    public AccountSecurity(Construct scope, string id, StackSettings settings, IKey key, Bucket logsBucket, IBucket imagesBucket)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.EnableCloudTrail)
        {
            AuditTrail = new AuditTrail(this, "AuditTrail", settings.Names, key, logsBucket, imagesBucket);
        }

        if (settings.EnableGuardDuty)
        {
            ThreatDetection = new ThreatDetection(this, "ThreatDetection", settings.EnableMalwareProtection, key, imagesBucket);
        }

        if (settings.EnableSecurityHub)
        {
            SecurityHub = new SecurityHubStandards(this, "SecurityHub");
        }

        if (settings.EnableConfig)
        {
            Config = new ConfigCompliance(this, "Config", logsBucket, imagesBucket);
        }
    }

    public AuditTrail? AuditTrail { get; }
    public ThreatDetection? ThreatDetection { get; }
    public SecurityHubStandards? SecurityHub { get; }
    public ConfigCompliance? Config { get; }
}
