using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Validation;

/// <summary>
/// The checks that run before any decoder sees the bytes, in a fixed order: size, emptiness, format
/// from magic bytes, foreign content, header dimensions. The first failing check decides the reason.
/// </summary>
public sealed class UploadValidator(ImageLimits limits)
{
    public ImageLimits Limits { get; } = limits.Validated();

    /// <summary>Checked from the size the event or object metadata declares, before the body is read.</summary>
    public Rejection? CheckDeclaredSize(long? declaredBytes) =>
        declaredBytes > Limits.MaxBytes ? Rejection.TooLarge(declaredBytes.Value, Limits.MaxBytes, "the object") : null;

    public Rejection? Validate(ReadOnlySpan<byte> content, out ValidatedUpload? upload)
    {
        upload = null;
        if (content.Length > Limits.MaxBytes)
        {
            return Rejection.TooLarge(content.Length, Limits.MaxBytes, "the file");
        }

        if (content.IsEmpty)
        {
            return Rejection.Empty();
        }

        if (FormatSniffer.Detect(content, out var description) is not { } format)
        {
            return Rejection.Unsupported(description);
        }

        if (PolyglotDetector.Find(format, content) is { } foreign)
        {
            return Rejection.Unsupported(foreign);
        }

        if (!HeaderProbe.TryRead(format, content, out var dimensions, out var error))
        {
            return Rejection.Corrupt(error);
        }

        if (dimensions.Width > Limits.MaxWidth || dimensions.Height > Limits.MaxHeight)
        {
            return Rejection.Dimensions(dimensions.Width, dimensions.Height, Limits);
        }

        if (format == ImageFormat.Jpeg && JpegScans.Count(content) is var scans && scans > Limits.MaxJpegScans)
        {
            return Rejection.TooManyScans(scans, Limits.MaxJpegScans);
        }

        upload = new ValidatedUpload(format, dimensions);
        return null;
    }
}
