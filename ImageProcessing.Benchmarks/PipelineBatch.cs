using System.Security.Cryptography;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The pipeline's tool in scripts/compare_peers.sh: each file read into memory, as the other tools read it, then
/// through <see cref="ImageProcessor.Process"/>, as the handler calls it once the object store has read the body (the
/// upload key selects the rule).
/// </summary>
/// <remarks>
/// Not through <see cref="ImageProcessor.ProcessAsync"/> from a file: .NET reads a file asynchronously on a thread-pool
/// thread, and handing each upload to it and back costs CPU (context switches, the waiting thread woken) that the
/// function, whose body comes from a socket, does not spend (docs/performance.md, "Against sharp and Pillow").
/// </remarks>
internal static class PipelineBatch
{
    /// <param name="sha256FromStore">Each file is processed as an upload sent with a SHA-256 checksum: S3 hands the
    /// function its digest, so the digest is taken before the file's time starts.</param>
    public static int Run(string input, string output, TextWriter timings, bool sha256FromStore = false)
    {
        NetVips.NetVips.Concurrency = Benchmarks.BenchThreads.Count;
        var layout = KeyLayout.Default;
        var processor = new ImageProcessor(ImageLimits.Default, RuleSet.Default, layout);
        var digests = sha256FromStore
            ? Directory.GetFiles(input).ToDictionary(path => Path.GetFileName(path), path => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))))
            : [];
        return FileBatch.Run(input, output, timings, (name, path) =>
        {
            var result = processor.Process(layout.InputPrefix + name, File.ReadAllBytes(path), digests.GetValueOrDefault(name));
            return result.Status == UploadStatus.Processed
                ? [.. result.Outputs.Select(rendition => (Path.GetFileName(rendition.Key), rendition.Image.Content))]
                : throw new FileBatch.NotProcessedException(result.Rejection?.ToString() ?? result.Status.ToString());
        });
    }
}
