using ImageProcessing.FunctionHost.Commands;
using ImageProcessing.Operations;
using Microsoft.Extensions.Configuration;

namespace ImageProcessing.Tests.Hosting;

/// <summary>The local host follows the prefixes the function is given, and says what each of its commands does.</summary>
[Trait("Category", "unit")]
public sealed class LocalPipelineSettingsTests
{
    [Fact]
    public void The_function_prefixes_decide_the_local_layout()
    {
        var settings = LocalPipelineSettings.From(Configuration(("INPUT_PREFIX", "incoming/"), ("OUTPUT_PREFIX", "renditions/"), ("Pipeline:NamePrefix", "dev-")));

        Assert.Equal(("incoming/", "renditions/"), (settings.Layout.InputPrefix, settings.Layout.OutputPrefix));
        Assert.Equal("dev-images", settings.Names.Bucket);
    }

    [Fact]
    public void Without_prefixes_the_deployed_layout_applies()
    {
        var settings = LocalPipelineSettings.From(Configuration());

        Assert.Equal(("uploads/", "processed/"), (settings.Layout.InputPrefix, settings.Layout.OutputPrefix));
    }

    [Fact]
    public void Prefixes_that_would_feed_outputs_back_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LocalPipelineSettings.From(Configuration(("INPUT_PREFIX", "a/"), ("OUTPUT_PREFIX", "a/b/"))));

        Assert.Contains("must not contain one another", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("provision")]
    [InlineData("process")]
    public void Usage_documents_every_command(string command) =>
        Assert.Contains($"ImageProcessing.FunctionHost {(command == "serve" ? "[serve]" : command)}", Usage.Text, StringComparison.Ordinal);

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
