using System.Diagnostics;
using ImageProcessing.Tests.Docs;

namespace ImageProcessing.Tests.Package;

/// <summary>
/// The deployment package as Lambda calls it, on this machine's architecture (x64): scripts/test_lambda_package.sh
/// builds the zip, runs it in the harness against moto with the synthesized environment and checks every verdict.
/// CI runs the arm64 variant (under qemu-user, compared with this one) after the tests.
/// </summary>
[Collection(LambdaPackageGroup.Name)]
[Trait("Category", "package")]
public sealed class LambdaPackageTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("package-test-");

    [Fact]
    public async Task The_x64_package_processes_rejects_and_fails_as_the_function_does()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Fail("the package test runs on linux-x64 machines");
        }

        var start = new ProcessStartInfo(Path.Combine(Repository.Root(), "scripts", "test_lambda_package.sh"), "x64")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PACKAGE_TEST_DIR"] = _work.FullName },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);

        var log = await output + await errors;
        Assert.True(process.ExitCode == 0, log);
        Assert.Contains("ok: 5 verdicts as expected, 4 outputs, 5 notifications, the poison message failed", log, StringComparison.Ordinal);
        Assert.Contains("ok: every native library runs on glibc 2.34", log, StringComparison.Ordinal);
        Assert.Contains("ok: ImageProcessing.Function.dll carries ReadyToRun code", log, StringComparison.Ordinal);
        Assert.Contains("System.Runtime.TieredPGO=false", log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_work.FullName, "x64", "results.json")));
    }

    public void Dispose()
    {
        // The task directory is read-only, as in Lambda: make it writable to delete it.
        foreach (var entry in _work.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows())
            {
                entry.UnixFileMode |= UnixFileMode.UserWrite;
            }
        }

        _work.Delete(recursive: true);
    }
}

/// <summary>The package test builds and publishes: it runs alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LambdaPackageGroup
{
    public const string Name = "package";
}
