using System.Globalization;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The loop of the benchmark's tools in scripts/compare_peers.sh, beside scripts/peers/sharp_batch.mjs and
/// pillow_batch.py: every file of a directory in name order, each read, processed and its renditions written flat to
/// the output directory inside one CPU-time measurement. Each file's CPU time (the whole process: every thread, the
/// JIT's included) goes to <c>timings</c> as <c>cpu-ms &lt;name&gt; &lt;ms&gt;</c>, with the methods the JIT compiled
/// meanwhile.
/// </summary>
/// <remarks>
/// The warm-up files (named <see cref="WarmUpPrefix"/>…, first in name order) bring a tool to its steady speed. A .NET
/// tool gets there later than native code: it promotes a method called once per upload in waves some 25 uploads
/// apart, and after 120 half-size 12 MP JPEGs the full-size copies still compiled up to 79 methods each. So after the
/// last warm-up file the loop goes through the warm-up files again until <see cref="QuietUploads"/> uploads in a row
/// compiled nothing (at most <see cref="MaxExtraWarmUps"/> more) and reports how many it added as
/// <c>warm-ups-added &lt;n&gt;</c>; only then are the other files timed.
/// </remarks>
internal static class FileBatch
{
    private const string WarmUpPrefix = "0-warm-";
    private const int QuietUploads = 40;
    private const int MaxExtraWarmUps = 600;

    /// <param name="process">Takes a file's name and path, returns its renditions as file names and bytes; throws
    /// <see cref="NotProcessedException"/> when the file gives none.</param>
    public static int Run(string input, string output, TextWriter timings, Func<string, string, IReadOnlyList<(string Name, byte[] Content)>> process)
    {
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(process);
        Directory.CreateDirectory(output);
        var files = Directory.GetFiles(input).Order(StringComparer.Ordinal).ToArray();
        var warmUps = files.Where(path => Path.GetFileName(path).StartsWith(WarmUpPrefix, StringComparison.Ordinal)).ToArray();
        try
        {
            var quiet = 0;
            foreach (var path in warmUps)
            {
                quiet = TimeOne(path) == 0 ? quiet + 1 : 0;
            }

            var added = 0;
            for (; warmUps.Length > 0 && quiet < QuietUploads && added < MaxExtraWarmUps; added++)
            {
                quiet = TimeOne(warmUps[added % warmUps.Length]) == 0 ? quiet + 1 : 0;
            }

            timings.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-ups-added {added}"));
            foreach (var path in files.Except(warmUps))
            {
                TimeOne(path);
            }
        }
        catch (NotProcessedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        return 0;

        long TimeOne(string path)
        {
            var name = Path.GetFileName(path);
            try
            {
                var (milliseconds, compiled) = ProcessCpu.Measure(() =>
                {
                    foreach (var (outputName, content) in process(name, path))
                    {
                        File.WriteAllBytes(Path.Combine(output, outputName), content);
                    }
                });
                timings.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu-ms {name} {milliseconds:F2} methods-compiled {compiled}"));
                return compiled;
            }
            catch (NotProcessedException e)
            {
                throw new NotProcessedException($"{name} was not processed: {e.Message}");
            }
        }
    }

    /// <summary>A file of the batch that gave no renditions, with the reason.</summary>
    internal sealed class NotProcessedException(string message) : Exception(message);
}
