using Amazon.CDK;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class SettingsTests
{
    [Theory]
    [InlineData(ContextKeys.FunctionMemoryMegabytes, "64")]
    [InlineData(ContextKeys.FunctionTimeoutSeconds, "901")]
    [InlineData(ContextKeys.FunctionTimeoutSeconds, "thirty")]
    [InlineData(ContextKeys.ReservedConcurrency, "0")]
    [InlineData(ContextKeys.MaximumConcurrency, "1")]
    [InlineData(ContextKeys.MaximumConcurrency, "6")]
    [InlineData(ContextKeys.AlertEmail, "not-an-address")]
    [InlineData(ContextKeys.ResourcePrefix, "Upper_Case")]
    [InlineData(ContextKeys.EnableConfig, "maybe")]
    public void Values_aws_would_refuse_fail_the_synth_naming_the_key(string key, string value)
    {
        var app = new App(new AppProps { Context = new Dictionary<string, object> { [key] = value } });

        var error = Assert.Throws<ArgumentException>(() => StackSettings.FromContext(app.Node));
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserved_concurrency_none_leaves_it_unset()
    {
        var app = new App(new AppProps { Context = new Dictionary<string, object> { [ContextKeys.ReservedConcurrency] = "none" } });

        Assert.Null(StackSettings.FromContext(app.Node).ReservedConcurrency);
    }

    [Fact]
    public void A_missing_lambda_package_says_how_to_build_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-package-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<FileNotFoundException>(() => FunctionPackage.FromPath(missing));
        Assert.Contains("scripts/build_lambda.sh", error.Message, StringComparison.Ordinal);
    }
}
