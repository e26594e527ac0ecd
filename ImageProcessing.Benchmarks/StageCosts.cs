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
/// record carries). The stages take turns in every repetition, so a slow spell falls on all; each figure is a mean.
/// </summary>
internal static class StageCosts
{
    private const int CheapWarmUps = 40;
    private const int RenderWarmUps = 5;

    public static int Run(int repetitions, TextWriter log)
    {
        log.WriteLine("| input | rule | whole upload | render | header read | validation | SHA-256 |");
        log.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var validator = new UploadValidator(ImageLimits.Default);
        foreach (var input in BenchInputs.Peers)
        {
            var benchmark = new RuleBenchmarks { Input = input.Name };
            benchmark.Setup();
            var bytes = benchmark.Bytes;
            foreach (var (rule, _, upload, render) in benchmark.Cells)
            {
                Action[] stages =
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
                ];
                var means = MeanCpu(repetitions, stages);
                log.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {input} | {rule} | {means[0]:F1} ms | {means[1]:F1} ms | {means[2]:F1} ms | {means[3]:F1} ms | {means[4]:F1} ms |"));
            }
        }

        return 0;
    }

    /// <summary>
    /// Stages 0 and 1 are whole renders; the others are cheap, and are run often enough first for .NET to have compiled
    /// them at the last tier. The renders' shared code reaches that tier over the first input's cells.
    /// </summary>
    private static double[] MeanCpu(int repetitions, Action[] stages)
    {
        for (var i = 0; i < CheapWarmUps; i++)
        {
            Array.ForEach(stages[2..], stage => stage());
        }

        for (var i = 0; i < RenderWarmUps; i++)
        {
            stages[0]();
            stages[1]();
        }

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
