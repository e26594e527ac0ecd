using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Processing;

/// <summary>One encoded rendition and the key it is written at.</summary>
public sealed record ProcessedOutput(string Key, string Rendition, RenderedImage Image)
{
    /// <summary>The output as records, notifications and the <c>process</c> command describe it (no bytes).</summary>
    public OutputSummary Summary => new(Key, Rendition, Image.Format, Image.Width, Image.Height, Image.Content.LongLength);
}
