using System.Globalization;
using ImageProcessing.Benchmarks.Benchmarks;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// How a fresh process speeds up upload by upload, as a Lambda container does: one input under one rule, again and
/// again, with the CPU time per upload and the methods the JIT compiled in each window. The runtime's tiering
/// settings come from the environment (<c>DOTNET_TieredPGO=0</c> as the function's runtimeconfig sets it).
/// </summary>
internal static class WarmUpCurve
{
    public static int Run(string inputName, string rule, int uploads, int window, TextWriter log)
    {
        var benchmark = new RuleBenchmarks { Input = inputName };
        benchmark.Setup();
        var upload = benchmark.Cells.FirstOrDefault(cell => cell.Rule == rule).Upload
            ?? throw new ArgumentException($"no rule '{rule}' ({string.Join(", ", benchmark.Cells.Select(cell => cell.Rule))})", nameof(rule));
        log.WriteLine("| uploads | CPU per upload | methods compiled |");
        log.WriteLine("|---|---:|---:|");
        for (var first = 1; first <= uploads; first += window)
        {
            var (milliseconds, compiled) = ProcessCpu.Measure(() =>
            {
                for (var i = 0; i < window; i++)
                {
                    upload();
                }
            });
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {first}–{first + window - 1} | {milliseconds / window:F1} ms | {compiled} |"));
        }

        return 0;
    }
}
