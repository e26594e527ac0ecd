using System.Globalization;
using ImageProcessing.Tests.Aws;
using ImageProcessing.Tests.AwsRules;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

/// <summary>
/// The AWS emulator (moto) on a free loopback port, started once for the tests of the "moto" collection, behind
/// the <see cref="AwsRulesGateway"/>: every request is held to AWS's documented limits, which moto does not enforce.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private ChildProcess? _process;
    private AwsRulesGateway? _gateway;

    /// <summary>The gateway's address: what every client in the tests talks to.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = StubHandler.FreeLoopbackPort();
        try
        {
            _process = ChildProcess.Start("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture));
            await _process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
            _gateway = await AwsRulesGateway.StartAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
            Endpoint = _gateway.Endpoint;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "The integration tests need python3 with moto, the AWS emulator: pip install \"moto[server]\"\n" + e.Message, e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        _process?.Dispose();
        _gateway?.ThrowIfViolated();
    }
}

[CollectionDefinition(Name)]
public sealed class MotoTestGroup : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
