using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Telemetry;
using ImageProcessing.Function.Validation;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Function.Processing;

/// <summary>
/// The function's core: an upload's bytes and key in, a verdict and encoded outputs out.
/// It knows nothing of where the bytes came from or where outputs go.
/// </summary>
public sealed class ImageProcessor
{
    private readonly UploadValidator _validator;
    private readonly RuleSet _rules;
    private readonly KeyLayout _layout;

    public ImageProcessor(ImageLimits limits, RuleSet rules, KeyLayout layout)
    {
        _validator = new UploadValidator(limits);
        _rules = rules;
        _layout = layout.Validated();
        VipsEngine.EnsureInitialized();
    }

    public ImageLimits Limits => _validator.Limits;

    /// <summary>A <c>too_large</c> verdict when the size declared before reading is over the limit, else null.</summary>
    public ProcessingResult? RejectDeclaredSize(string key, long? declaredBytes) =>
        _validator.CheckDeclaredSize(declaredBytes) is { } tooLarge
            ? ProcessingResult.Rejected(key, SourceDescription.OfSize(declaredBytes!.Value), tooLarge, TimeSpan.Zero)
            : null;

    /// <summary>The verdict when reading stopped at the limit + 1 bytes.</summary>
    public ProcessingResult RejectBodyTooLarge(string key, long bytesRead) =>
        ProcessingResult.Rejected(key, SourceDescription.OfSize(bytesRead),
            Rejection.TooLarge(bytesRead, Limits.MaxBytes, "the body read so far"), TimeSpan.Zero);

    /// <summary>Validates and processes a stream, refusing it unread when the declared size is over the limit.</summary>
    public async Task<ProcessingResult> ProcessAsync(string key, Stream content, long? declaredBytes, CancellationToken cancellationToken = default)
    {
        if (RejectDeclaredSize(key, declaredBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var (bytes, read) = await BoundedReader.ReadAsync(content, Limits.MaxBytes, declaredBytes, cancellationToken).ConfigureAwait(false);
        return bytes is null ? RejectBodyTooLarge(key, read) : Process(key, bytes);
    }

    /// <param name="sha256">The body's SHA-256 as lowercase hex where its store vouches for it (S3 verified the
    /// uploader's checksum); null hashes the body.</param>
    public ProcessingResult Process(string key, byte[] content, string? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var started = Stopwatch.GetTimestamp();
        using var budget = new ProcessingBudget(Limits.ProcessingBudget);
        sha256 ??= Convert.ToHexStringLower(SHA256.HashData(content));
        ValidatedUpload? upload;
        Rejection? rejection;
        using (var validation = FunctionTelemetry.StartInternal("image.validate"))
        {
            rejection = _validator.Validate(content, out upload);
            validation?.SetTag("image.reason", rejection?.Code);
        }

        if (upload is null)
        {
            var unknown = new SourceDescription(null, null, null, content.LongLength, sha256);
            return ProcessingResult.Rejected(key, unknown, rejection!, Stopwatch.GetElapsedTime(started));
        }

        var source = new SourceDescription(upload.Format, upload.Dimensions.Width, upload.Dimensions.Height, content.LongLength, sha256);
        if (CheckOutputKeys(key, upload.Format) is { } tooLong)
        {
            return ProcessingResult.Rejected(key, source, tooLong, Stopwatch.GetElapsedTime(started));
        }

        try
        {
            var outputs = Render(key, content, upload, budget);
            return ProcessingResult.Processed(key, source, outputs, Stopwatch.GetElapsedTime(started));
        }
        catch (CorruptImageException e)
        {
            return ProcessingResult.Rejected(key, source, Rejection.Corrupt(e.Message), Stopwatch.GetElapsedTime(started));
        }
        catch (ProcessingBudgetExceededException)
        {
            return ProcessingResult.Rejected(key, source, Rejection.BudgetExceeded(Limits.ProcessingBudget), Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>A <c>key_too_long</c> verdict when an output key would be longer than S3 allows, before any decode.</summary>
    private Rejection? CheckOutputKeys(string key, ImageFormat sourceFormat)
    {
        foreach (var rendition in _rules.Select(key).Renditions)
        {
            var outputKey = _layout.OutputKey(key, rendition, rendition.OutputFormat(sourceFormat));
            if (Encoding.UTF8.GetByteCount(outputKey) is var bytes and > PipelineDefinition.MaxObjectKeyBytes)
            {
                return Rejection.KeyTooLong(outputKey, bytes, PipelineDefinition.MaxObjectKeyBytes);
            }
        }

        return null;
    }

    private List<ProcessedOutput> Render(string key, byte[] bytes, ValidatedUpload upload, ProcessingBudget budget)
    {
        using var content = EncodedImage.Of(bytes);
        var traits = VipsRenderer.Inspect(content);
        if (traits.Width != upload.Dimensions.Width || traits.Height != upload.Dimensions.Height)
        {
            throw new CorruptImageException(
                $"the decoder reads {traits.Width}x{traits.Height} but the header declares {upload.Dimensions.Width}x{upload.Dimensions.Height}");
        }

        var outputs = new List<ProcessedOutput>();
        foreach (var rendition in _rules.Select(key).Renditions)
        {
            budget.ThrowIfExceeded();
            using var activity = FunctionTelemetry.StartInternal("image.render " + rendition.Name);
            var image = VipsRenderer.Render(content, upload.Format, traits, rendition, _rules.Encoding, budget.Token);
            activity?.SetTag("image.width", image.Width);
            activity?.SetTag("image.height", image.Height);
            outputs.Add(new ProcessedOutput(_layout.OutputKey(key, rendition, image.Format), rendition.Name, image));
        }

        return outputs;
    }
}
