using Amazon.CDK;
using ImageProcessing.Infrastructure;
using ImageProcessing.Infrastructure.Configuration;

// Context given to the CLI (-c key=value, cdk.json) arrives through the environment and wins over these flags.
var app = new App(new AppProps { Context = CdkFeatureFlags.With() });
var settings = StackSettings.FromContext(app.Node);

// Without credentials the CLI leaves these unset and the template stays environment-agnostic (offline synth).
var account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT");
var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");
var environment = account is null && region is null ? null : new Amazon.CDK.Environment { Account = account, Region = region };
_ = new BaselineStack(app, settings.BaselineStackName, settings, new StackProps
{
    Env = environment,
    Description = "Image pipeline baseline: GuardDuty, Security Hub and AWS Config, once per account and region where missing",
});
_ = new ImageProcessingStack(app, settings.StackName, settings, new StackProps
{
    Env = environment,
    Description = "Image pipeline: S3 uploads/ -> SQS -> Lambda (libvips) -> S3 processed/, DynamoDB, SNS; KMS everywhere",
});
app.Synth();
