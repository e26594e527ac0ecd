using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Processing;

/// <summary>What is known about an upload's content; format and size are null when validation stopped before them.</summary>
public sealed record SourceDescription(ImageFormat? Format, int? Width, int? Height, long Bytes, string? Sha256)
{
    /// <summary>Only the size is known: the upload was refused before it was read, or while reading it.</summary>
    public static SourceDescription OfSize(long bytes) => new(null, null, null, bytes, null);
}
