using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The pipeline's tool in scripts/compare_peers.sh: each file through <see cref="ImageProcessor.ProcessAsync"/> as the
/// handler runs it (the upload key selects the rule, the body is read from a stream).
/// </summary>
internal static class PipelineBatch
{
    public static int Run(string input, string output, TextWriter timings)
    {
        NetVips.NetVips.Concurrency = Benchmarks.BenchThreads.Count;
        var layout = KeyLayout.Default;
        var processor = new ImageProcessor(ImageLimits.Default, RuleSet.Default, layout);
        return FileBatch.Run(input, output, timings, (name, path) =>
        {
            ProcessingResult result;
            using (var body = File.OpenRead(path))
            {
                result = processor.ProcessAsync(layout.InputPrefix + name, body, body.Length).GetAwaiter().GetResult();
            }

            return result.Status == UploadStatus.Processed
                ? [.. result.Outputs.Select(rendition => (Path.GetFileName(rendition.Key), rendition.Image.Content))]
                : throw new FileBatch.NotProcessedException(result.Rejection?.ToString() ?? result.Status.ToString());
        });
    }
}
