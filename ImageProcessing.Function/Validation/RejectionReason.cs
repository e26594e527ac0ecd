namespace ImageProcessing.Function.Validation;

/// <summary>
/// Stable reason codes for inputs the pipeline refuses. Codes are part of the public contract
/// (records, notifications, object tags, the <c>process</c> command): never rename one.
/// </summary>
public static class RejectionReason
{
    public const string TooLarge = "too_large";
    public const string EmptyFile = "empty_file";
    public const string UnsupportedFormat = "unsupported_format";
    public const string DimensionsExceeded = "dimensions_exceeded";
    public const string CorruptImage = "corrupt_image";

    public static IReadOnlyList<string> All { get; } =
        [TooLarge, EmptyFile, UnsupportedFormat, DimensionsExceeded, CorruptImage];
}

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
}
