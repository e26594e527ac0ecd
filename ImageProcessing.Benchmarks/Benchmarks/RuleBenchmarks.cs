using BenchmarkDotNet.Attributes;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks.Benchmarks;

/// <summary>
/// Each default rule three ways: ImageSharp (the baseline), the libvips renderer alone, and the whole
/// path the handler runs (<see cref="ImageProcessor.Process(string, byte[], string?)"/> with the key selecting
/// the rule: hash, validation, header check, render, encode). <c>all-rules</c> is one upload under
/// each of the three rules, as the goal of the issue counts it.
/// </summary>
public class RuleBenchmarks : InputBenchmark
{
    private const string Fit = "fit-1024";
    private const string Thumb = "thumb-200";
    private const string Gray = "grayscale";
    private const string All = "all-rules";

    private static readonly string[] Suffixes = ["", "_thumb", "_grayscale"];

    private ImageFormat format;
    private SourceTraits traits;
    private string[] keys = [];

    public override void Setup()
    {
        base.Setup();
        if (new UploadValidator(ImageLimits.Default).Validate(Bytes, out var upload) is { } rejection)
        {
            throw new InvalidOperationException($"{Input} is not a valid upload: {rejection}");
        }

        format = upload!.Format;
        using (var encoded = EncodedImage.Of(Bytes))
        {
            traits = VipsRenderer.Inspect(encoded);
        }

        keys = [.. Suffixes.Select(KeyFor)];
        foreach (var key in keys)
        {
            var result = Processor.Process(key, Bytes);
            if (result.Status != UploadStatus.Processed)
            {
                throw new InvalidOperationException($"{key} was not processed: {result.Rejection}");
            }
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Fit)]
    public byte[] Fit_ImageSharp() => ImageSharp.Render(Bytes, Rendition(""), Rules.Encoding);

    [Benchmark, BenchmarkCategory(Fit)]
    public RenderedImage Fit_Render() => Render("");

    [Benchmark, BenchmarkCategory(Fit)]
    public ProcessingResult Fit_Pipeline() => Processor.Process(keys[0], Bytes);

    [Benchmark(Baseline = true), BenchmarkCategory(Thumb)]
    public byte[] Thumb_ImageSharp() => ImageSharp.Render(Bytes, Rendition("_thumb"), Rules.Encoding);

    [Benchmark, BenchmarkCategory(Thumb)]
    public RenderedImage Thumb_Render() => Render("_thumb");

    [Benchmark, BenchmarkCategory(Thumb)]
    public ProcessingResult Thumb_Pipeline() => Processor.Process(keys[1], Bytes);

    [Benchmark(Baseline = true), BenchmarkCategory(Gray)]
    public byte[] Grayscale_ImageSharp() => ImageSharp.Render(Bytes, Rendition("_grayscale"), Rules.Encoding);

    [Benchmark, BenchmarkCategory(Gray)]
    public RenderedImage Grayscale_Render() => Render("_grayscale");

    [Benchmark, BenchmarkCategory(Gray)]
    public ProcessingResult Grayscale_Pipeline() => Processor.Process(keys[2], Bytes);

    [Benchmark(Baseline = true), BenchmarkCategory(All)]
    public int AllRules_ImageSharp()
    {
        var bytes = 0;
        foreach (var suffix in Suffixes)
        {
            bytes += ImageSharp.Render(Bytes, Rendition(suffix), Rules.Encoding).Length;
        }

        return bytes;
    }

    [Benchmark, BenchmarkCategory(All)]
    public int AllRules_Pipeline()
    {
        var outputs = 0;
        foreach (var key in keys)
        {
            outputs += Processor.Process(key, Bytes).Outputs.Count;
        }

        return outputs;
    }

    /// <summary>
    /// The three rules as the benchmark's own modes measure them: the rule's name on their command lines, its key
    /// suffix, the whole upload and the render alone.
    /// </summary>
    internal (string Rule, string Suffix, Func<ProcessingResult> Upload, Func<RenderedImage> Render)[] Cells =>
    [
        ("fit", Suffixes[0], Fit_Pipeline, Fit_Render),
        ("thumb", Suffixes[1], Thumb_Pipeline, Thumb_Render),
        ("grayscale", Suffixes[2], Grayscale_Pipeline, Grayscale_Render),
    ];

    /// <summary>The source's traits, read once by <see cref="Setup"/>.</summary>
    internal SourceTraits Traits => traits;

    internal static Rendition Rendition(string suffix) => Rules.Select("x" + suffix + ".jpg").Renditions[0];

    private RenderedImage Render(string suffix)
    {
        using var encoded = EncodedImage.Of(Bytes);
        return VipsRenderer.Render(encoded, format, traits, Rendition(suffix), Rules.Encoding);
    }
}
