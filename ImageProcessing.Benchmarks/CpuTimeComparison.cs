using System.Globalization;
using ImageProcessing.Benchmarks.Benchmarks;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The goal comparison (all three rules, pipeline against ImageSharp) in process CPU time
/// instead of wall time. With one worker thread per library, CPU time is the work done and hardly
/// moves when other processes share the cores, where BenchmarkDotNet's wall times scatter.
/// The two libraries take turns, repetition by repetition, so a slow spell on a shared machine
/// falls on both; the ratio is the median of the ratios of each pair.
/// </summary>
internal static class CpuTimeComparison
{
    public static int Run(int repetitions, TextWriter log)
    {
        log.WriteLine("| input | rule | ImageSharp CPU (median) | pipeline CPU (median) | pipeline faster by (median of pairs) |");
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
                var (imageSharp, pipeline, ratio) = InTurns(repetitions, imageSharpRun, pipelineRun);
                log.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {input} | {rule} | {imageSharp:N0} ms | {pipeline:N0} ms | {ratio:F2}× |"));
            }
        }

        return 0;
    }

    private static (double Baseline, double Candidate, double Ratio) InTurns(int repetitions, Func<int> baseline, Func<int> candidate)
    {
        // Warm-up: JIT and first-use costs are not what is compared.
        baseline();
        candidate();
        var baselines = new double[repetitions];
        var candidates = new double[repetitions];
        var ratios = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            // Alternate which goes first, so neither always runs after the other's garbage.
            var baselineFirst = i % 2 == 0;
            var first = ProcessCpu.Milliseconds(() => (baselineFirst ? baseline : candidate)());
            var second = ProcessCpu.Milliseconds(() => (baselineFirst ? candidate : baseline)());
            (baselines[i], candidates[i]) = baselineFirst ? (first, second) : (second, first);
            ratios[i] = baselines[i] / candidates[i];
        }

        return (ProcessCpu.Median(baselines), ProcessCpu.Median(candidates), ProcessCpu.Median(ratios));
    }
}
