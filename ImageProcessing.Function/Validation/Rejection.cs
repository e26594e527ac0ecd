namespace ImageProcessing.Function.Validation;

/// <summary>Why an input was refused: a stable <see cref="Code"/> and a message for people.</summary>
public sealed record Rejection(string Code, string Message)
{
    public static Rejection TooLarge(long bytes, long limit, string what) =>
        new(RejectionReason.TooLarge, $"{what} is {bytes} bytes; the limit is {limit} bytes");

    public static Rejection Empty() => new(RejectionReason.EmptyFile, "the file is empty (0 bytes)");

    public static Rejection Unsupported(string detail) =>
        new(RejectionReason.UnsupportedFormat, $"{detail}; only JPEG, PNG and WebP are accepted");

    public static Rejection Dimensions(int width, int height, ImageLimits limits) =>
        new(RejectionReason.DimensionsExceeded,
            $"the image is {width}x{height} pixels; the limit is {limits.MaxWidth}x{limits.MaxHeight}");

    public static Rejection Corrupt(string detail) => new(RejectionReason.CorruptImage, detail);

    public static Rejection TooManyScans(int scans, int limit) =>
        new(RejectionReason.TooManyScans, $"the JPEG has {scans} scans; at most {limit} are accepted (encoders write about 10)");

    public static Rejection BudgetExceeded(TimeSpan budget) =>
        new(RejectionReason.ProcessingBudgetExceeded,
            $"processing took longer than the {budget.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s an upload may take and was stopped");

    public static Rejection ForeignEncryption(string detail) => new(RejectionReason.ForeignEncryption, detail);

    public static Rejection Archived(string detail) => new(RejectionReason.ArchivedObject, detail);

    public static Rejection KeyTooLong(string outputKey, int bytes, int limit) =>
        new(RejectionReason.KeyTooLong,
            $"the output key '{outputKey[..Math.Min(outputKey.Length, 64)]}…' would be {bytes} bytes; S3 allows {limit}: shorten the upload's name by {bytes - limit} bytes");
}
