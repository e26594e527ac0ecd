using System.Diagnostics;
using System.Security.Cryptography;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Function.Processing;

/// <summary>
/// The function's core: an upload's bytes and key in, a verdict and encoded outputs out.
/// It knows nothing of where the bytes came from or where outputs go.
/// </summary>
public sealed class ImageProcessor
{
    private readonly UploadValidator validator;
    private readonly RuleSet rules;
    private readonly KeyLayout layout;

    public ImageProcessor(ImageLimits limits, RuleSet rules, KeyLayout layout)
    {
        validator = new UploadValidator(limits);
        this.rules = rules;
        this.layout = layout.Validated();
        VipsEngine.EnsureInitialized();
    }

    public ImageLimits Limits => validator.Limits;

    public KeyLayout Layout => layout;

    public RuleSet Rules => rules;

    /// <summary>Validates and processes a stream, refusing it unread when the declared size is over the limit.</summary>
    public async Task<ProcessingResult> ProcessAsync(string key, Stream content, long? declaredBytes, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (validator.CheckDeclaredSize(declaredBytes) is { } tooLarge)
        {
            return ProcessingResult.Rejected(key, new SourceDescription(declaredBytes!.Value, null, null, null, null), tooLarge, Stopwatch.GetElapsedTime(started));
        }

        var (bytes, read) = await BoundedReader.ReadAsync(content, validator.Limits.MaxBytes, declaredBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            var rejection = Rejection.TooLarge(read, validator.Limits.MaxBytes, "the body read so far");
            return ProcessingResult.Rejected(key, new SourceDescription(read, null, null, null, null), rejection, Stopwatch.GetElapsedTime(started));
        }

        return Process(key, bytes, started);
    }

    public ProcessingResult Process(string key, byte[] content) => Process(key, content, Stopwatch.GetTimestamp());

    private ProcessingResult Process(string key, byte[] content, long started)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var rejection = validator.Validate(content, out var upload);
        if (upload is null)
        {
            var unknown = new SourceDescription(content.LongLength, sha256, null, null, null);
            return ProcessingResult.Rejected(key, unknown, rejection!, Stopwatch.GetElapsedTime(started));
        }

        var source = new SourceDescription(content.LongLength, sha256, upload.Format, upload.Dimensions.Width, upload.Dimensions.Height);
        try
        {
            var traits = VipsRenderer.Inspect(content);
            if (traits.Width != upload.Dimensions.Width || traits.Height != upload.Dimensions.Height)
            {
                throw new CorruptImageException(
                    $"the decoder reads {traits.Width}x{traits.Height} but the header declares {upload.Dimensions.Width}x{upload.Dimensions.Height}");
            }

            var outputs = new List<ProcessedOutput>();
            foreach (var rendition in rules.Select(key).Renditions)
            {
                var image = VipsRenderer.Render(content, upload.Format, traits, rendition, rules.Encoding);
                var outputKey = layout.OutputKey(key, rendition, image.Format);
                outputs.Add(new ProcessedOutput(outputKey, rendition.Name, image.Format, image.Width, image.Height, image.Content));
            }

            return new ProcessingResult(key, ProcessingStatus.Processed, source, outputs, null, Stopwatch.GetElapsedTime(started));
        }
        catch (CorruptImageException e)
        {
            return ProcessingResult.Rejected(key, source, Rejection.Corrupt(e.Message), Stopwatch.GetElapsedTime(started));
        }
    }
}
