namespace ImageProcessing.Function.Rules;

/// <summary>How outputs are encoded. Metadata is never kept, whatever these say.</summary>
public sealed record EncodingOptions
{
    public int JpegQuality { get; init; } = 85;
    public bool JpegProgressive { get; init; }
    public int WebpQuality { get; init; } = 85;
    public int PngCompression { get; init; } = 6;

    public static EncodingOptions Default { get; } = new();
}
