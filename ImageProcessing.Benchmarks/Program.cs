using BenchmarkDotNet.Running;
using ImageProcessing.Benchmarks;
using ImageProcessing.Benchmarks.Inputs;

return args switch
{
    ["generate", var directory] => InputWriter.WriteInputs(directory, Console.Out),
    ["generate-peers", var directory] => InputWriter.WritePeerInputs(directory, Console.Out),
    ["generate-peer-warm-ups", var directory] => InputWriter.WritePeerWarmUps(directory, Console.Out),
    ["generate-batch", var directory, var count] => InputWriter.WriteBatch(directory, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    ["generate-vips-batch", var directory, var copies] => InputWriter.WriteCliBatch(directory, int.Parse(copies, System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    ["generate-crafted", var directory] => CraftedInputs.Write(directory, Console.Out),
    ["splice-scans", var output, .. var inputs] => CraftedInputs.SpliceScans(output, inputs, Console.Out),
    ["warm-up", var input, var rule, var uploads, var window] => WarmUpCurve.Run(input, rule, int.Parse(uploads, System.Globalization.CultureInfo.InvariantCulture), int.Parse(window, System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    ["codec-floor", var repetitions] => CodecFloor.Run(int.Parse(repetitions, System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    ["stages", var repetitions] => StageCosts.Run(int.Parse(repetitions, System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    ["pipeline-batch", var input, var output] => PipelineBatch.Run(input, output, Console.Error),
    ["pipeline-batch", "--sha256-from-store", var input, var output] => PipelineBatch.Run(input, output, Console.Error, sha256FromStore: true),
    ["imagesharp-batch", var input, var output] => ImageSharpBatch.Run(input, output, Console.Error),
    ["cpu-ratio", var repetitions] => CpuTimeComparison.Run(int.Parse(repetitions, System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create());
    return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
}

