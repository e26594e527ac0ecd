using BenchmarkDotNet.Attributes;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Benchmarks.Benchmarks;

/// <summary>Validation alone: the managed checks before any decoder runs, against ImageSharp's header read.</summary>
[BenchmarkCategory("validate")]
public class ValidationBenchmarks : InputBenchmark
{
    private readonly UploadValidator validator = new(ImageLimits.Default);

    [Benchmark(Baseline = true)]
    public (int, int) ImageSharp_Identify() => ImageSharp.Identify(Bytes);

    [Benchmark]
    public ValidatedUpload? Validator_Validate()
    {
        var rejection = validator.Validate(Bytes, out var upload);
        return rejection is null ? upload : throw new InvalidOperationException(rejection.ToString());
    }
}
