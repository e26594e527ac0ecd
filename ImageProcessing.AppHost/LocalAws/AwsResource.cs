namespace ImageProcessing.AppHost.LocalAws;

/// <summary>One of the pipeline's AWS resources in the emulator, shown in the dashboard as it is named in AWS.</summary>
/// <param name="awsType">The CloudFormation type, e.g. <c>AWS::SQS::Queue</c>: the dashboard shows it as the resource type.</param>
public sealed class AwsResource(string name, string awsType) : Resource(name)
{
    public string AwsType { get; } = awsType;
}
