using Amazon.CDK.AWS.GuardDuty;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// GuardDuty with S3 protection and, as an option, Malware Protection for S3 scanning new objects under uploads/.
/// </summary>
public sealed class ThreatDetection : Construct
{
    public ThreatDetection(Construct scope, string id, bool scanUploadsForMalware, IKey key, IBucket imagesBucket)
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

        if (scanUploadsForMalware)
        {
            MalwareProtection = MalwareProtectionFor(key, imagesBucket);
        }
    }

    public CfnDetector Detector { get; }
    public CfnMalwareProtectionPlan? MalwareProtection { get; }

    private CfnMalwareProtectionPlan MalwareProtectionFor(IKey key, IBucket bucket)
    {
        var role = new Role(this, "MalwareProtectionRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("malware-protection-plan.guardduty.amazonaws.com"),
            Description = "GuardDuty Malware Protection for S3: reads and tags new uploads",
        });
        MalwareProtectionPolicy.Grant(role, key, bucket);
        var plan = new CfnMalwareProtectionPlan(this, "MalwareProtectionPlan", new CfnMalwareProtectionPlanProps
        {
            Role = role.RoleArn,
            ProtectedResource = new CfnMalwareProtectionPlan.CFNProtectedResourceProperty
            {
                S3Bucket = new CfnMalwareProtectionPlan.S3BucketProperty
                {
                    BucketName = bucket.BucketName,
                    ObjectPrefixes = [PipelineDefinition.InputPrefix],
                },
            },
            Actions = new CfnMalwareProtectionPlan.CFNActionsProperty
            {
                Tagging = new CfnMalwareProtectionPlan.CFNTaggingProperty { Status = "ENABLED" },
            },
        });
        // The role's own reference orders the role; the plan also needs its policy in place to validate the bucket.
        plan.Node.AddDependency(role.Node.FindChild("DefaultPolicy"));
        return plan;
    }
}
