namespace ImageProcessing.Function.Rules;

/// <summary>How outputs are encoded. Metadata is never kept, whatever these say.</summary>
public sealed record EncodingOptions
{
    public int JpegQuality { get; init; } = 85;
    public bool JpegProgressive { get; init; }
    public int WebpQuality { get; init; } = 85;

    /// <summary>zlib level 0–9. With the <see cref="PngFilter.Up"/> filter, 3 gives smaller files than 6 unfiltered, in a half to two-thirds of the time.</summary>
    public int PngCompression { get; init; } = 3;

    public PngFilter PngFilter { get; init; } = PngFilter.Up;

    public static EncodingOptions Default { get; } = new();
}
