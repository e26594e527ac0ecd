namespace ImageProcessing.Tests.Infrastructure;

/// <summary>
/// jsii (the bridge from .NET to the CDK's JavaScript) is not thread-safe: every CDK test runs in this one
/// non-parallel collection, and the default stack is synthesized once for all of them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CdkSynthesis : ICollectionFixture<DefaultTemplate>
{
    public const string Name = "CDK";
}
