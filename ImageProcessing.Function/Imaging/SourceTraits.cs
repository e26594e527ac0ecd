namespace ImageProcessing.Function.Imaging;

/// <summary>What the header says about how to render the source.</summary>
public readonly record struct SourceTraits(int Width, int Height, bool HasIccProfile, bool IsCmyk);
