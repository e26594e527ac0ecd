using System.Text.Json;
using ImageProcessing.FunctionHost.Commands;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Commands;

[Trait("Category", "unit")]
public sealed class ProcessCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("process-command-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_mixed_folder_gets_one_verdict_per_file_and_outputs_mirror_the_keys()
    {
        var input = Path.Combine(_root, "in");
        Write(input, "photo.jpg", TestImages.Jpeg(1600, 1200));
        Write(input, "nested/deeper/icon_thumb.png", TestImages.Png(400, 400));
        Write(input, "nested/gray_grayscale.webp", TestImages.Webp(300, 200));
        Write(input, "disguised.png", CraftedFiles.Gif());
        Write(input, "empty.jpg", []);
        Write(input, "notes.txt", "hello"u8.ToArray());
        var output = Path.Combine(_root, "out");

        var (exitCode, stdout, stderr) = await Run("process", input, "--out", output, "--json");

        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        var byFile = lines.ToDictionary(l => Path.GetRelativePath(input, l.GetProperty("file").GetString()!).Replace('\\', '/'));
        Assert.Equal("processed", byFile["photo.jpg"].GetProperty("status").GetString());
        Assert.Equal("unsupported_format", byFile["disguised.png"].GetProperty("reason").GetString());
        Assert.Equal("empty_file", byFile["empty.jpg"].GetProperty("reason").GetString());
        Assert.Equal("unsupported_format", byFile["notes.txt"].GetProperty("reason").GetString());
        var thumb = byFile["nested/deeper/icon_thumb.png"].GetProperty("outputs")[0];
        Assert.Equal((200, 200, "png"), (thumb.GetProperty("width").GetInt32(), thumb.GetProperty("height").GetInt32(), thumb.GetProperty("format").GetString()));
        Assert.True(File.Exists(Path.Combine(output, "processed/photo.jpg")));
        Assert.True(File.Exists(Path.Combine(output, "processed/nested/deeper/icon_thumb.png")));
        Assert.True(File.Exists(Path.Combine(output, "processed/nested/gray_grayscale.webp")));
        Assert.Equal(3, Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count());
        Assert.Contains("[6/6]", stderr, StringComparison.Ordinal);
        Assert.True(byFile["photo.jpg"].GetProperty("elapsedMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task Human_readable_output_names_status_reason_and_sizes()
    {
        var file = Write(_root, "photo_thumb.jpg", TestImages.Jpeg(800, 600));
        var gif = Write(_root, "fake.jpg", CraftedFiles.Gif());

        var (exitCode, stdout, _) = await Run("process", file, gif, "--out", Path.Combine(_root, "out"));

        Assert.Equal(0, exitCode);
        Assert.Contains("processed  photo_thumb.jpg (jpeg 800x600", stdout, StringComparison.Ordinal);
        Assert.Contains("thumb-200 200x150 jpeg", stdout, StringComparison.Ordinal);
        Assert.Contains("rejected   fake.jpg: unsupported_format: the content is GIF", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_rules_are_applied()
    {
        var rules = Write(_root, "rules.json", """
            { "rules": [ { "suffix": "", "renditions": [ { "name": "tiny", "resize": "cover", "width": 32, "height": 32, "format": "webp" } ] } ] }
            """u8.ToArray());
        var file = Write(_root, "p.png", TestImages.Png(300, 100));

        var (exitCode, _, _) = await Run("process", file, "--out", Path.Combine(_root, "out"), "--rules", rules);

        Assert.Equal(0, exitCode);
        using var image = TestImages.Load(File.ReadAllBytes(Path.Combine(_root, "out/processed/p.webp")));
        Assert.Equal((32, 32), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--bogus")]
    [InlineData("missing-file.png", "--out", "x")]
    [InlineData("x.png")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        var (exitCode, _, stderr) = await Run(["process", .. args]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_rules_file_exits_with_2_and_says_why()
    {
        var rules = Write(_root, "rules.json", """{ "rules": [ { "suffix": "_x", "renditions": [ { "name": "a", "resize": "none" } ] } ] }"""u8.ToArray());
        var file = Write(_root, "p.png", TestImages.Png(10, 10));

        var (exitCode, _, stderr) = await Run("process", file, "--out", _root, "--rules", rules);

        Assert.Equal(2, exitCode);
        Assert.Contains("a default rule", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_is_reported_and_exits_with_1_without_stopping_the_batch()
    {
        var blocked = Write(_root, "blocked", "not a directory"u8.ToArray());
        var first = Write(_root, "in/a.png", TestImages.Png(10, 10));
        var second = Write(_root, "in/b.gif", CraftedFiles.Gif());

        var (exitCode, stdout, _) = await Run("process", first, second, "--out", blocked, "--json");

        Assert.Equal(1, exitCode);
        var statuses = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("status").GetString()).ToList();
        Assert.Equal(["failed", "rejected"], statuses);
    }

    private static string Write(string directory, string relative, byte[] content)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = args[0] == "process" ? await ProcessCommand.RunAsync(args[1..], stdout, stderr) : -1;
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
