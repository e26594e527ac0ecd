using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Fuzz;

/// <summary>
/// The managed parsers that run before any decoder: the validator (sniffer, polyglot detector,
/// header probe) and the header probe alone for every format, as it is public and takes any bytes.
/// No libvips, so this runs at thousands of inputs a second.
/// </summary>
internal sealed class HeadersTarget : IFuzzTarget
{
    private static readonly UploadValidator Validator = new(ImageLimits.Default);

    public string Name => "headers";

    public string Description => "bytes -> UploadValidator.Validate and HeaderProbe.TryRead (managed only)";

    public string Run(ReadOnlySpan<byte> input)
    {
        var rejection = Validator.Validate(input, out var upload);
        if ((rejection is null) == (upload is null))
        {
            throw new FuzzFindingException("the validator must return exactly one of a rejection and an upload");
        }

        foreach (var format in (ReadOnlySpan<ImageFormat>)[ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Webp])
        {
            if (HeaderProbe.TryRead(format, input, out var dimensions, out _) && (dimensions.Width <= 0 || dimensions.Height <= 0))
            {
                throw new FuzzFindingException($"{format}: accepted non-positive dimensions {dimensions}");
            }
        }

        return rejection?.Code ?? $"accepted {upload!.Format} {upload.Dimensions}";
    }
}
