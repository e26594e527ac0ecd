using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Function.Processing;

public enum ProcessingStatus
{
    Processed,
    Rejected,
}

/// <summary>What is known about the upload; format and size are null when validation stopped before them.</summary>
public sealed record SourceDescription(long Bytes, string? Sha256, ImageFormat? Format, int? Width, int? Height);

/// <summary>One encoded output and where it goes.</summary>
public sealed record ProcessedOutput(string Key, string Rendition, ImageFormat Format, int Width, int Height, byte[] Content)
{
    public long Bytes => Content.LongLength;
}

/// <summary>The verdict on one upload: processed with its outputs, or rejected with a reason.</summary>
public sealed record ProcessingResult(
    string SourceKey,
    ProcessingStatus Status,
    SourceDescription Source,
    IReadOnlyList<ProcessedOutput> Outputs,
    Rejection? Rejection,
    TimeSpan Elapsed)
{
    public static ProcessingResult Rejected(string key, SourceDescription source, Rejection rejection, TimeSpan elapsed) =>
        new(key, ProcessingStatus.Rejected, source, [], rejection, elapsed);
}
