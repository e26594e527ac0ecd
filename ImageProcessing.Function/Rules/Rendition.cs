using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Rules;

public enum ResizeMode
{
    /// <summary>Shrink to fit inside Width×Height, keeping the aspect ratio.</summary>
    Fit,

    /// <summary>Shrink to cover Width×Height, then crop the centre to exactly that box.</summary>
    Cover,

    /// <summary>Keep the full size.</summary>
    None,
}

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

/// <summary>The renditions made for uploads whose file name (before the extension) ends with <see cref="Suffix"/>.</summary>
public sealed record RenditionRule(string Suffix, IReadOnlyList<Rendition> Renditions);
