using System.Diagnostics;
using System.Globalization;
using ImageProcessing.Benchmarks.Benchmarks;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The goal comparison (all three rules, pipeline against ImageSharp) in process CPU time
/// instead of wall time. With one worker thread per library, CPU time is the work done and hardly
/// moves when other processes share the cores, where BenchmarkDotNet's wall times scatter.
/// </summary>
internal static class CpuTimeComparison
{
    public static int Run(int repetitions, TextWriter log)
    {
        log.WriteLine("| input | rule | ImageSharp CPU (median) | pipeline CPU (median) | pipeline faster by |");
        log.WriteLine("|---|---|---:|---:|---:|");
        foreach (var input in InputBenchmark.Inputs)
        {
            var benchmark = new RuleBenchmarks { Input = input };
            benchmark.Setup();
            (string Rule, Func<int> ImageSharp, Func<int> Pipeline)[] rules =
            [
                ("fit-1024", () => benchmark.Fit_ImageSharp().Length, () => benchmark.Fit_Pipeline().Outputs.Count),
                ("thumb-200", () => benchmark.Thumb_ImageSharp().Length, () => benchmark.Thumb_Pipeline().Outputs.Count),
                ("grayscale", () => benchmark.Grayscale_ImageSharp().Length, () => benchmark.Grayscale_Pipeline().Outputs.Count),
                ("all-rules", benchmark.AllRules_ImageSharp, benchmark.AllRules_Pipeline),
            ];
            foreach (var (rule, imageSharpRun, pipelineRun) in rules)
            {
                var imageSharp = Median(repetitions, imageSharpRun);
                var pipeline = Median(repetitions, pipelineRun);
                log.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {input} | {rule} | {imageSharp:N0} ms | {pipeline:N0} ms | {imageSharp / pipeline:F2}× |"));
            }
        }

        return 0;
    }

    private static double Median(int repetitions, Func<int> operation)
    {
        operation(); // warm-up: JIT and first-use costs are not what is compared
        var samples = new double[repetitions];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            operation();
            process.Refresh();
            samples[i] = (process.TotalProcessorTime - before).TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples[repetitions / 2];
    }
}
