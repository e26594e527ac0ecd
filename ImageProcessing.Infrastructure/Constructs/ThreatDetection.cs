using Amazon.CDK.AWS.GuardDuty;
using Constructs;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>The account's GuardDuty detector, with S3 protection.</summary>
public sealed class ThreatDetection : Construct
{
    public ThreatDetection(Construct scope, string id)
        : base(scope, id)
    {
        Detector = new CfnDetector(this, "Detector", new CfnDetectorProps
        {
            Enable = true,
            FindingPublishingFrequency = "FIFTEEN_MINUTES",
            // S3 protection through DataSources, where the Control Tower rule CT.GUARDDUTY.PR.1 looks for it.
            DataSources = new CfnDetector.CFNDataSourceConfigurationsProperty
            {
                S3Logs = new CfnDetector.CFNS3LogsConfigurationProperty { Enable = true },
            },
        });
    }

    public CfnDetector Detector { get; }
}
