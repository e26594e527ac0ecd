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
    public const string KeyTooLong = "key_too_long";
    public const string TooManyScans = "too_many_scans";
    public const string ProcessingBudgetExceeded = "processing_budget_exceeded";
    public const string ForeignEncryption = "foreign_encryption";
    public const string ArchivedObject = "archived_object";

    public static IReadOnlyList<string> All { get; } =
        [TooLarge, EmptyFile, UnsupportedFormat, DimensionsExceeded, CorruptImage, KeyTooLong, ForeignEncryption, ArchivedObject, TooManyScans, ProcessingBudgetExceeded];
}
