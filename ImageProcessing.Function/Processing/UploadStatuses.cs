namespace ImageProcessing.Function.Processing;

public static class UploadStatuses
{
    public static string Name(this UploadStatus status) => status switch
    {
        UploadStatus.Processing => "processing",
        UploadStatus.Processed => "processed",
        UploadStatus.Rejected => "rejected",
        UploadStatus.Duplicate => "duplicate",
        UploadStatus.Skipped => "skipped",
        UploadStatus.Refused => "refused",
        UploadStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A verdict is final: no later delivery of the same version may change it.</summary>
    public static bool IsFinal(this UploadStatus status) => status is UploadStatus.Processed or UploadStatus.Rejected;

    public static bool TryParse(string? name, out UploadStatus status)
    {
        foreach (var candidate in Enum.GetValues<UploadStatus>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
