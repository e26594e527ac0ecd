namespace ImageProcessing.Function.Imaging;

/// <summary>What the header says about how to render the source.</summary>
/// <param name="Orientation">The EXIF orientation (1–8), <c>null</c> when the source has none.</param>
public readonly record struct SourceTraits(int Width, int Height, bool HasIccProfile, bool IsCmyk, int? Orientation = null);
