namespace ImageProcessing.Function.Rules;

// The rules JSON as written; RuleSetValidator turns it into rules.
internal sealed class RuleSetDocument
{
    public EncodingDocument? Encoding { get; set; }
    public List<RuleDocument>? Rules { get; set; }
}

internal sealed class EncodingDocument
{
    public int? JpegQuality { get; set; }
    public bool? JpegProgressive { get; set; }
    public int? WebpQuality { get; set; }
    public int? PngCompression { get; set; }
    public string? PngFilter { get; set; }
}

internal sealed class RuleDocument
{
    public string? Suffix { get; set; }
    public List<RenditionDocument>? Renditions { get; set; }
}

internal sealed class RenditionDocument
{
    public string? Name { get; set; }
    public string? Resize { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public bool? Grayscale { get; set; }
    public string? Format { get; set; }
    public string? KeySuffix { get; set; }
}
