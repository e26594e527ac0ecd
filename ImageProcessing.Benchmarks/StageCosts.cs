using System.Globalization;
using System.Security.Cryptography;
using ImageProcessing.Benchmarks.Benchmarks;
using ImageProcessing.Benchmarks.Inputs;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// Where an upload's CPU time goes, per peer input and rule, in a warm process: the whole of
/// <c>ImageProcessor.Process</c> beside its stages alone (the render, the header read, validation, the SHA-256 the
/// record carries). Every stage of every cell runs in whole passes until one compiles no method before any is timed;
/// then the stages take turns in every repetition, so a slow spell falls on all; each figure is a mean.
/// </summary>
internal static class StageCosts
{
    public static int Run(int repetitions, TextWriter log)
    {
        var validator = new UploadValidator(ImageLimits.Default);
        var cells = new List<(string Row, Action[] Stages)>();
        foreach (var input in BenchInputs.Peers)
        {
            var benchmark = new RuleBenchmarks { Input = input.Name };
            benchmark.Setup();
            var bytes = benchmark.Bytes;
            foreach (var (rule, _, upload, render) in benchmark.Cells)
            {
                cells.Add(($"| {input} | {rule} |",
                [
                    () => upload(),
                    () => render(),
                    () =>
                    {
                        using var encoded = EncodedImage.Of(bytes);
                        VipsRenderer.Inspect(encoded);
                    },
                    () => validator.Validate(bytes, out _),
                    () => SHA256.HashData(bytes),
                ]));
            }
        }

        ProcessCpu.WarmUntilNothingCompiles([.. cells.SelectMany(cell => cell.Stages)]);
        log.WriteLine("| input | rule | whole upload | render | header read | validation | SHA-256 |");
        log.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (row, stages) in cells)
        {
            var means = MeanCpu(repetitions, stages);
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{row} {means[0]:F1} ms | {means[1]:F1} ms | {means[2]:F1} ms | {means[3]:F1} ms | {means[4]:F1} ms |"));
        }

        return 0;
    }

    private static double[] MeanCpu(int repetitions, Action[] stages)
    {
        var sums = new double[stages.Length];
        for (var i = 0; i < repetitions; i++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                sums[s] += ProcessCpu.Milliseconds(stages[s]);
            }
        }

        return [.. sums.Select(sum => sum / repetitions)];
    }
}
