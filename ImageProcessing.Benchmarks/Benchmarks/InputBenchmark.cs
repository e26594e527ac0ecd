using BenchmarkDotNet.Attributes;
using ImageProcessing.Benchmarks.Baselines;
using ImageProcessing.Benchmarks.Inputs;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks.Benchmarks;

/// <summary>What every benchmark shares: the input as parameter, its bytes, both engines on the same thread count.</summary>
public abstract class InputBenchmark
{
    private BenchInput? input;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = BenchInputs.Jpeg4096.Name;

    /// <summary>All speed inputs, or those named in <c>BENCH_INPUTS</c> (comma-separated) for a quicker run.</summary>
    public static IEnumerable<string> Inputs =>
        Environment.GetEnvironmentVariable("BENCH_INPUTS") is { Length: > 0 } chosen
            ? chosen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => BenchInputs.ByName(name).Name)
            : BenchInputs.Speed.Select(input => input.Name);

    internal byte[] Bytes { get; private set; } = [];

    internal ImageProcessor Processor { get; private set; } = null!;

    internal ImageSharpPipeline ImageSharp { get; private set; } = null!;

    internal static RuleSet Rules => RuleSet.Default;

    /// <summary>The upload key the handler would see for this input under the rule with <paramref name="suffix"/>.</summary>
    internal string KeyFor(string suffix) => $"uploads/{Input}{suffix}{input!.Extension}";

    [GlobalSetup]
    public virtual void Setup()
    {
        input = BenchInputs.ByName(Input);
        Bytes = BenchInputs.Load(input);
        Processor = new ImageProcessor(ImageLimits.Default, Rules, KeyLayout.Default);
        NetVips.NetVips.Concurrency = BenchThreads.Count;
        ImageSharp = new ImageSharpPipeline(BenchThreads.Count);
    }
}
