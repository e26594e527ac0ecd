using System.Globalization;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The loop of the benchmark's tools in scripts/compare_peers.sh, beside scripts/peers/sharp_batch.mjs and
/// pillow_batch.py: every file of a directory in name order, each read, processed and its renditions written flat to
/// the output directory inside one CPU-time measurement. Each file's CPU time (the whole process: every thread, the
/// JIT's included) goes to <c>timings</c> as <c>cpu-ms &lt;name&gt; &lt;ms&gt;</c>, with the methods the JIT compiled
/// meanwhile.
/// </summary>
internal static class FileBatch
{
    /// <param name="process">Takes a file's name and path, returns its renditions as file names and bytes; throws
    /// <see cref="NotProcessedException"/> when the file gives none.</param>
    public static int Run(string input, string output, TextWriter timings, Func<string, string, IReadOnlyList<(string Name, byte[] Content)>> process)
    {
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(process);
        Directory.CreateDirectory(output);
        foreach (var path in Directory.GetFiles(input).Order(StringComparer.Ordinal))
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
            }
            catch (NotProcessedException e)
            {
                Console.Error.WriteLine($"error: {name} was not processed: {e.Message}");
                return 1;
            }
        }

        return 0;
    }

    /// <summary>A file of the batch that gave no renditions, with the reason.</summary>
    internal sealed class NotProcessedException(string message) : Exception(message);
}
