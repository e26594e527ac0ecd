namespace ImageProcessing.Function.Imaging;

/// <summary>The formats the pipeline accepts and writes.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Webp,
}
