namespace ImageProcessing.Function.Imaging;

/// <summary>What the header says about how to render the source.</summary>
/// <param name="IccProfile">The embedded ICC profile, <c>null</c> when the source has none: the decoders that are not
/// libvips' get it from here, so the header is read once.</param>
/// <param name="Orientation">The EXIF orientation (1–8), <c>null</c> when the source has none.</param>
public readonly record struct SourceTraits(int Width, int Height, byte[]? IccProfile, bool IsCmyk, int? Orientation = null)
{
    public bool HasIccProfile => IccProfile is not null;
}
