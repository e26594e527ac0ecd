namespace ImageProcessing.Tests.Docs;

/// <summary>The repository the tests run in, and its Markdown documents.</summary>
internal static class Repository
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", "node_modules", ".git"];

    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ImageProcessing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ImageProcessing.sln was not found in {AppContext.BaseDirectory} or any directory above it.");
    }

    public static List<string> MarkdownFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            files.AddRange(Directory.EnumerateFiles(directory, "*.md"));
            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(child), StringComparer.Ordinal))
                {
                    pending.Push(child);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
