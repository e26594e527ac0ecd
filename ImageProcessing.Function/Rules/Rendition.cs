using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Rules;

/// <summary>One output made from an upload. Images are never enlarged.</summary>
/// <param name="Name">Identifies the rendition in records and logs.</param>
/// <param name="Format">Output format; null writes the upload's own format.</param>
/// <param name="KeySuffix">Appended to the file name before the extension of the output key.</param>
public sealed record Rendition(
    string Name,
    ResizeMode Resize,
    int Width,
    int Height,
    bool Grayscale = false,
    ImageFormat? Format = null,
    string KeySuffix = "")
{
    public ImageFormat OutputFormat(ImageFormat sourceFormat) => Format ?? sourceFormat;
}
