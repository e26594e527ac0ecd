using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Processing;

/// <summary>One output as recorded and announced: where it is and what it is, without its bytes.</summary>
public sealed record OutputSummary(string Key, string Rendition, ImageFormat Format, int Width, int Height, long Bytes);
