using System.Globalization;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Function.Configuration;

/// <summary>
/// When one invocation must stop work: the function's timeout less a margin for settling (reporting the
/// unfinished messages). Without a timeout in the environment (the local host passes its own token) it never fires.
/// </summary>
internal sealed class InvocationDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;

    private InvocationDeadline(CancellationTokenSource source) => _source = source;

    public CancellationToken Token => _source.Token;

    public static InvocationDeadline From(Func<string, string?> environment, TimeProvider time)
    {
        var configured = environment(Env.FunctionTimeoutSeconds);
        if (!int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            return new InvocationDeadline(new CancellationTokenSource());
        }

        return new InvocationDeadline(new CancellationTokenSource(For(TimeSpan.FromSeconds(seconds)), time));
    }

    /// <summary>A tenth of the timeout, at least one second, is left for settling.</summary>
    public static TimeSpan For(TimeSpan timeout)
    {
        var margin = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, timeout.Ticks / 10));
        return timeout > margin ? timeout - margin : timeout / 2;
    }

    public void Dispose() => _source.Dispose();
}
