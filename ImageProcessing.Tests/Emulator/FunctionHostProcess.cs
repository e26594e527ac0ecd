using System.Globalization;
using ImageProcessing.Tests.Aws;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

/// <summary>Runs the built function host (<c>serve</c>) as its own process against a test pipeline.</summary>
internal static class FunctionHostProcess
{
    public static ChildProcess Start(PipelineEnvironment env, params string[] settings)
    {
        // Tests run from ImageProcessing.Tests/bin/<Configuration>/net10.0/; the host is built beside them.
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!);
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..",
            "ImageProcessing.FunctionHost", "bin", configuration, "net10.0", "ImageProcessing.FunctionHost.dll"));
        Assert.True(File.Exists(dll), $"build the function host first: {dll}");
        return ChildProcess.Start("dotnet", [
            dll, "serve",
            $"--urls=http://127.0.0.1:{StubHandler.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}",
            $"--AWS_ENDPOINT_URL={env.Endpoint}",
            "--AWS_REGION=us-east-1",
            $"--Pipeline:NamePrefix={env.NamePrefix}",
            "--EventSource:WaitTimeSeconds=1",
            .. settings,
        ]);
    }
}
