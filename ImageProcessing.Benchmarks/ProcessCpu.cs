using System.Diagnostics;
using System.Runtime;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The CPU time of the whole process (user and system, every thread, the JIT's included) across an operation, and
/// the methods the JIT compiled meanwhile. With one worker thread per library, CPU time is the work done and hardly
/// moves when other processes share the cores, where wall times scatter.
/// </summary>
internal static class ProcessCpu
{
    public static double Milliseconds(Action operation) => Measure(operation).Milliseconds;

    public static (double Milliseconds, long MethodsCompiled) Measure(Action operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var compiled = JitInfo.GetCompiledMethodCount();
        operation();
        process.Refresh();
        return ((process.TotalProcessorTime - before).TotalMilliseconds, JitInfo.GetCompiledMethodCount() - compiled);
    }

    /// <summary>
    /// Runs every operation once per pass until a pass compiles no method (at most <paramref name="maxPasses"/>):
    /// .NET promotes methods in waves long after their first calls (docs/performance.md, "Warm-up of a container"),
    /// so a figure taken before that pays for the JIT.
    /// </summary>
    public static void WarmUntilNothingCompiles(IReadOnlyList<Action> operations, int maxPasses = 6)
    {
        ArgumentNullException.ThrowIfNull(operations);
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            foreach (var operation in operations)
            {
                operation();
            }

            if (JitInfo.GetCompiledMethodCount() == compiled)
            {
                return;
            }
        }
    }

    /// <summary>The median of the samples, which it sorts.</summary>
    public static double Median(double[] samples)
    {
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
