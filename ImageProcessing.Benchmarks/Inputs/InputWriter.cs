namespace ImageProcessing.Benchmarks.Inputs;

/// <summary>Writes the generated inputs as files, for the scripts that measure whole processes.</summary>
internal static class InputWriter
{
    // Upload names select the rule: "" fits in 1024, "_thumb" fits in 200, "_grayscale" keeps the size.
    private static readonly string[] RuleSuffixes = ["", "_thumb", "_grayscale"];

    /// <summary>Every input once, as <c>&lt;name&gt;.&lt;ext&gt;</c>.</summary>
    public static int WriteInputs(string directory, TextWriter log) => Write(directory, BenchInputs.All, log);

    /// <summary>The inputs measured against sharp and Pillow, as <c>&lt;name&gt;.&lt;ext&gt;</c>.</summary>
    public static int WritePeerInputs(string directory, TextWriter log) => Write(directory, BenchInputs.Peers, log);

    /// <summary>The peer inputs at half size (<see cref="BenchInput.Halved"/>), under the same file names.</summary>
    public static int WritePeerWarmUps(string directory, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        foreach (var input in BenchInputs.Peers)
        {
            var bytes = BenchInputs.Load(input.Halved());
            File.WriteAllBytes(Path.Combine(directory, input.FileName), bytes);
            log.WriteLine($"{input.FileName}\t{input.Width / 2}x{input.Height / 2}\t{bytes.Length}");
        }

        return 0;
    }

    private static int Write(string directory, IReadOnlyList<BenchInput> inputs, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        foreach (var input in inputs)
        {
            var bytes = BenchInputs.Load(input);
            File.WriteAllBytes(Path.Combine(directory, input.FileName), bytes);
            log.WriteLine($"{input.FileName}\t{input.Width}x{input.Height}\t{bytes.Length}\t{BenchInputs.Sha256(bytes)}");
        }

        return 0;
    }

    /// <summary>A mixed batch: the speed inputs in turn, each rule in turn, <paramref name="count"/> files.</summary>
    public static int WriteBatch(string directory, int count, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        var inputs = BenchInputs.Speed;
        for (var i = 0; i < count; i++)
        {
            var input = inputs[i % inputs.Count];
            var suffix = RuleSuffixes[(i / inputs.Count) % RuleSuffixes.Length];
            var name = $"{i:D3}-{input.Name}{suffix}{input.Extension}";
            File.WriteAllBytes(Path.Combine(directory, name), BenchInputs.Load(input));
        }

        log.WriteLine($"{count} files in {directory}");
        return 0;
    }

    /// <summary>
    /// 4096×4096 JPEG and PNG copies, <paramref name="copies"/> of each per rule, in folders by rule so
    /// the CLI tools can take one rule's files per invocation.
    /// </summary>
    public static int WriteCliBatch(string directory, int copies, TextWriter log)
    {
        foreach (var suffix in RuleSuffixes)
        {
            var folder = Path.Combine(directory, suffix.Length == 0 ? "fit" : suffix.TrimStart('_'));
            Directory.CreateDirectory(folder);
            foreach (var input in new[] { BenchInputs.Jpeg4096, BenchInputs.Png4096 })
            {
                var bytes = BenchInputs.Load(input);
                for (var i = 0; i < copies; i++)
                {
                    File.WriteAllBytes(Path.Combine(folder, $"{input.Name}-{i:D2}{suffix}{input.Extension}"), bytes);
                }
            }
        }

        log.WriteLine($"{copies * 2 * RuleSuffixes.Length} files in {directory}");
        return 0;
    }
}
