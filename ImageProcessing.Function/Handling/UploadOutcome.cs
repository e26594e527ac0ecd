using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Handling;

/// <summary>What happened to one S3 event record.</summary>
/// <param name="Reason">The rejection code, or why nothing was done (skipped, duplicate, refused).</param>
/// <param name="ElapsedMs">Time spent validating and rendering; zero when no byte was processed.</param>
public sealed record UploadOutcome(string Key, UploadStatus Status, string? Reason = null, double ElapsedMs = 0);
