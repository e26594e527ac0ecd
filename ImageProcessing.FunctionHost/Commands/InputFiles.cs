namespace ImageProcessing.FunctionHost.Commands;

/// <summary>A local file and the path it is treated as, relative to the upload prefix.</summary>
internal sealed record InputFile(string FullPath, string RelativePath);

internal static class InputFiles
{
    /// <summary>Files as given, directories recursively in a stable order; missing paths are usage errors.</summary>
    public static List<InputFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<InputFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(new InputFile(Path.GetFullPath(path), Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                files.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    .Select(file => new InputFile(file, Path.GetRelativePath(root, file).Replace('\\', '/'))));
            }
            else
            {
                throw new UsageException($"'{path}' is neither a file nor a directory");
            }
        }

        return files;
    }
}
