using ImageProcessing.FunctionHost.Commands;
using ImageProcessing.Operations;

namespace ImageProcessing.Tests.Emulator;

[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class ProvisionCommandTests(MotoServer moto) : IDisposable
{
    private readonly string _environmentFile = Path.GetTempFileName();

    [Fact]
    public async Task Provision_prints_the_resources_and_writes_the_functions_environment_for_them()
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8] + "-";
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await ProvisionCommand.RunAsync(
            ["--AWS_ENDPOINT_URL", moto.Endpoint.ToString(), "--Pipeline:NamePrefix", prefix, "--environment", _environmentFile], stdout, stderr);

        Assert.True(exitCode == 0, stderr.ToString());
        var resources = LocalResourcesJson.Read(stdout.ToString());
        Assert.Equal(prefix + "images", resources.Bucket);
        var written = File.ReadAllLines(_environmentFile).Select(line => line.Split('=', 2)).ToDictionary(parts => parts[0], parts => parts[1]);
        Assert.Equal(resources.FunctionEnvironment().OrderBy(v => v.Key, StringComparer.Ordinal), written.OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    public void Dispose() => File.Delete(_environmentFile);
}
