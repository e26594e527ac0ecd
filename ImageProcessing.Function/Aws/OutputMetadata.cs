using System.Text;
using ImageProcessing.Function.Handling.Ports;
using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Aws;

/// <summary>
/// The user metadata an output carries back to its source, within S3's 2 KB (names with their
/// <c>x-amz-meta-</c> prefix, plus values, in UTF-8: the stricter reading of
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html). The source key is URL-escaped
/// (metadata is ASCII) and left out when it does not fit: a multi-byte key escapes to up to nine bytes a
/// character. The record keeps the full key, and the output key mirrors it.
/// </summary>
internal static class OutputMetadata
{
    public const int MaxBytes = 2048;
    private const string HeaderPrefix = "x-amz-meta-";

    public static Dictionary<string, string> For(StoredObject source, ProcessedOutput output)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source-etag"] = source.ETag.Trim('"'),
            ["source-version"] = source.VersionId ?? "null",
            ["rendition"] = output.Rendition,
        };
        var escapedKey = Uri.EscapeDataString(source.Key);
        if (SizeOf(metadata) + SizeOf("source-key", escapedKey) <= MaxBytes)
        {
            metadata["source-key"] = escapedKey;
        }

        return metadata;
    }

    public static int SizeOf(IReadOnlyDictionary<string, string> metadata) => metadata.Sum(entry => SizeOf(entry.Key, entry.Value));

    private static int SizeOf(string name, string value) => Encoding.UTF8.GetByteCount(HeaderPrefix + name) + Encoding.UTF8.GetByteCount(value);
}
