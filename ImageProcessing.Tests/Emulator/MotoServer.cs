using System.Globalization;
using ImageProcessing.Tests.Aws;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

/// <summary>
/// The AWS emulator (moto) on a free loopback port, started once for the tests of the "moto" collection.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private ChildProcess? _process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = StubHandler.FreeLoopbackPort();
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        try
        {
            _process = ChildProcess.Start("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture));
            await _process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "The integration tests need python3 with moto, the AWS emulator: pip install \"moto[server]\"\n" + e.Message, e);
        }
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class MotoTestGroup : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
