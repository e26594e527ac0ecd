using System.Globalization;
using ImageProcessing.Benchmarks.Benchmarks;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The pipeline's tool in scripts/compare_peers.sh, beside scripts/peers/sharp_batch.mjs and pillow_batch.py: every
/// file of a directory, one after another, through <see cref="ImageProcessor.ProcessAsync"/> as the handler runs it
/// (the upload key selects the rule, the body is read from a stream), the renditions written flat to the output
/// directory. Each file's CPU time (the whole process: every thread, the JIT's included) goes to stderr as
/// <c>cpu-ms &lt;name&gt; &lt;ms&gt;</c>, with the methods the JIT compiled meanwhile.
/// </summary>
internal static class PipelineBatch
{
    public static int Run(string input, string output, TextWriter timings)
    {
        NetVips.NetVips.Concurrency = BenchThreads.Count;
        var layout = KeyLayout.Default;
        var processor = new ImageProcessor(ImageLimits.Default, RuleSet.Default, layout);
        Directory.CreateDirectory(output);
        foreach (var path in Directory.GetFiles(input).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            ProcessingResult? result = null;
            var (milliseconds, compiled) = ProcessCpu.Measure(() =>
            {
                using (var body = File.OpenRead(path))
                {
                    result = processor.ProcessAsync(layout.InputPrefix + name, body, body.Length).GetAwaiter().GetResult();
                }

                foreach (var rendition in result.Outputs)
                {
                    File.WriteAllBytes(Path.Combine(output, Path.GetFileName(rendition.Key)), rendition.Image.Content);
                }
            });
            if (result!.Status != UploadStatus.Processed)
            {
                Console.Error.WriteLine($"error: {name} was not processed: {result.Rejection}");
                return 1;
            }

            timings.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu-ms {name} {milliseconds:F2} methods-compiled {compiled}"));
        }

        return 0;
    }
}
