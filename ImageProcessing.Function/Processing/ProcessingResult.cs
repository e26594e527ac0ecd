using ImageProcessing.Function.Validation;

namespace ImageProcessing.Function.Processing;

/// <summary>The verdict on one upload: processed with its outputs, or rejected with a reason.</summary>
/// <param name="Status"><see cref="UploadStatus.Processed"/> or <see cref="UploadStatus.Rejected"/>.</param>
public sealed record ProcessingResult(
    string SourceKey,
    UploadStatus Status,
    SourceDescription Source,
    IReadOnlyList<ProcessedOutput> Outputs,
    Rejection? Rejection,
    TimeSpan Elapsed)
{
    public static ProcessingResult Processed(string key, SourceDescription source, IReadOnlyList<ProcessedOutput> outputs, TimeSpan elapsed) =>
        new(key, UploadStatus.Processed, source, outputs, null, elapsed);

    public static ProcessingResult Rejected(string key, SourceDescription source, Rejection rejection, TimeSpan elapsed) =>
        new(key, UploadStatus.Rejected, source, [], rejection, elapsed);
}
