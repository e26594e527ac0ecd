using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Fuzz;

/// <summary>
/// The whole validate-and-process path. The first byte picks the upload's key, so one input can reach
/// every rule (default, _thumb, _grayscale) and the extension handling; the rest is the file content.
/// </summary>
internal sealed class ProcessTarget : IFuzzTarget
{
    public static readonly string[] Keys =
    [
        "uploads/x.png",
        "uploads/x_thumb.jpg",
        "uploads/x_grayscale.webp",
        "uploads/a/b/x.JPEG",
        "uploads/x_thumb.png",
        "uploads/x_grayscale.jpg",
        "uploads/x",
        "uploads/.webp",
        "uploads/x_thumb_grayscale.gif",
        "uploads/dir/x_THUMB.Webp",
    ];

    private static readonly Lazy<ImageProcessor> Processor =
        new(() => new ImageProcessor(ImageLimits.Default, RuleSet.Default, KeyLayout.Default));

    public string Name => "process";

    public string Description => "key byte + file content -> ImageProcessor.Process (validation and libvips)";

    public string Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return "empty input";
        }

        var key = Keys[input[0] % Keys.Length];
        var result = Processor.Value.Process(key, input[1..].ToArray());
        CheckVerdict(key, result);
        return $"{key}: {result.Status} {result.Rejection?.Code} {string.Join(' ', result.Outputs.Select(o => o.Key))}";
    }

    private static void CheckVerdict(string key, ProcessingResult result)
    {
        switch (result.Status)
        {
            case UploadStatus.Rejected when result.Rejection is null || result.Outputs.Count > 0:
                throw new FuzzFindingException($"{key}: a rejection without a reason, or with outputs");
            case UploadStatus.Processed when result.Rejection is not null || result.Outputs.Count == 0:
                throw new FuzzFindingException($"{key}: processed without outputs, or with a reason");
            case UploadStatus.Processed:
                foreach (var output in result.Outputs)
                {
                    if (!output.Key.StartsWith(PipelineDefinition.OutputPrefix, StringComparison.Ordinal) || output.Image.Content.Length == 0)
                    {
                        throw new FuzzFindingException($"{key}: output '{output.Key}' is empty or outside the output prefix");
                    }
                }

                break;
        }
    }
}
