using Aspire.Hosting.Testing;

namespace ImageProcessing.Tests.EndToEnd;

/// <summary>
/// <c>aspire publish</c> and <c>aspire deploy</c> run the repository's scripts: the app host's pipeline steps call
/// scripts/synth.sh with the publish directory and scripts/deploy.sh with the deploy context. Stand-in scripts
/// record how they were called, so nothing is synthesized or deployed here.
/// </summary>
[Trait("Category", "e2e")]
public sealed class AspirePipelineTests : IDisposable
{
    private readonly DirectoryInfo _scripts = Directory.CreateTempSubdirectory("aspire-steps-");

    public AspirePipelineTests()
    {
        foreach (var script in new[] { "synth.sh", "deploy.sh" })
        {
            var path = Path.Combine(_scripts.FullName, script);
            File.WriteAllText(path, $"#!/bin/sh\necho \"$@\" > \"{path}.called\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [Fact]
    public async Task Publish_synthesizes_the_templates_into_the_output_directory()
    {
        var output = Path.Combine(_scripts.FullName, "out");

        await RunAsync("publish", [$"--output-path={output}"]);

        Assert.Equal(output, File.ReadAllText(Path.Combine(_scripts.FullName, "synth.sh.called")).Trim());
        Assert.False(File.Exists(Path.Combine(_scripts.FullName, "deploy.sh.called")));
    }

    [Fact]
    public async Task Deploy_runs_the_deploy_script_with_the_key_administrator_and_alert_address()
    {
        await RunAsync("deploy", ["--Aws:KeyAdminRoleArn=arn:aws:iam::123456789012:role/KeyAdmin", "--Aws:AlertEmail=security@example.com"]);

        Assert.Equal("-c keyAdminRoleArn=arn:aws:iam::123456789012:role/KeyAdmin -c alertEmail=security@example.com",
            File.ReadAllText(Path.Combine(_scripts.FullName, "deploy.sh.called")).Trim());
    }

    private async Task RunAsync(string operation, string[] arguments)
    {
        // As the Aspire CLI starts the app host: both commands are the publish operation, run up to their step.
        string[] args = ["--operation", "publish", "--step", operation, $"--Aws:ScriptsDirectory={_scripts.FullName}", .. arguments];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ImageProcessing_AppHost>(args);
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.RunAsync(timeout.Token);
    }

    public void Dispose() => _scripts.Delete(recursive: true);
}
