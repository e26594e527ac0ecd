using ImageProcessing.Function.Processing;

namespace ImageProcessing.FunctionHost.Commands;

/// <summary>Writes outputs at their object keys below a local directory, never outside it.</summary>
internal sealed class OutputDirectory(string path)
{
    private readonly string _root = Path.GetFullPath(path);

    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<ProcessedOutput> outputs, CancellationToken cancellationToken)
    {
        var written = new List<string>(outputs.Count);
        foreach (var output in outputs)
        {
            var target = Path.GetFullPath(Path.Combine(_root, output.Key));
            if (!target.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"output key '{output.Key}' would leave the output directory");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, output.Image.Content, cancellationToken);
            written.Add(target);
        }

        return written;
    }
}
