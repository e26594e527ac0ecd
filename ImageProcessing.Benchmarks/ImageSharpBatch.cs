using ImageProcessing.Benchmarks.Baselines;
using ImageProcessing.Function.Rules;

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
        return FileBatch.Run(input, output, timings, (name, path) =>
        {
            var content = File.ReadAllBytes(path);
            var renditions = rules.Select(name).Renditions;
            return [.. renditions.Select(rendition => (
                renditions.Count == 1 ? name : $"{rendition.Name}-{name}",
                imageSharp.Render(content, rendition, rules.Encoding)))];
        });
    }
}
