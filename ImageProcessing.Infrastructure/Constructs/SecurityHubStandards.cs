using Amazon.CDK;
using Amazon.CDK.AWS.SecurityHub;
using Constructs;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>Security Hub with the CIS AWS Foundations Benchmark standard (and no others: each standard's checks cost).</summary>
public sealed class SecurityHubStandards : Construct
{
    public const string CisStandardVersion = "3.0.0";

    public SecurityHubStandards(Construct scope, string id)
        : base(scope, id)
    {
        Hub = new CfnHub(this, "Hub", new CfnHubProps
        {
            EnableDefaultStandards = false,
            ControlFindingGenerator = "SECURITY_CONTROL",
            AutoEnableControls = true,
        });

        CisStandard = new CfnStandard(this, "CisAwsFoundations", new CfnStandardProps
        {
            StandardsArn = $"arn:{Aws.PARTITION}:securityhub:{Aws.REGION}::standards/cis-aws-foundations-benchmark/v/{CisStandardVersion}",
        });
        CisStandard.AddDependency(Hub);
    }

    public CfnHub Hub { get; }
    public CfnStandard CisStandard { get; }
}
