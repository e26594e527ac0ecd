using ImageProcessing.Benchmarks.Baselines;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// ImageSharp 2.1.13's tool in scripts/compare_peers.sh, the design card's library: each file read into memory and
/// rendered by <see cref="ImageSharpPipeline"/> under the rule its name selects, one thread.
/// </summary>
internal static class ImageSharpBatch
{
    public static int Run(string input, string output, TextWriter timings)
    {
        var imageSharp = new ImageSharpPipeline(Benchmarks.BenchThreads.Count);
        var rules = RuleSet.Default;
        var layout = KeyLayout.Default;
        return FileBatch.Run(input, output, timings, (name, path) =>
        {
            var content = File.ReadAllBytes(path);
            var key = layout.InputPrefix + name;
            var format = FormatSniffer.Detect(content, out var description) ?? throw new FileBatch.NotProcessedException(description);
            // Named as the pipeline names its outputs; the baseline writes every rendition in the source's format.
            return [.. rules.Select(name).Renditions.Select(rendition => (
                Path.GetFileName(layout.OutputKey(key, rendition, format)),
                imageSharp.Render(content, rendition, rules.Encoding)))];
        });
    }
}
