using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>Object keys, user metadata and tags, as S3 limits them (<see cref="AwsLimits"/>).</summary>
internal static class S3Rules
{
    private const string MetadataPrefix = "x-amz-meta-";

    public static IEnumerable<RuleViolation> Check(AwsRequest request)
    {
        // Path-style requests: /bucket/key.
        var parts = request.Path.TrimStart('/').Split('/', 2);
        if (parts.Length < 2 || parts[1].Length == 0)
        {
            yield break;
        }

        var key = Uri.UnescapeDataString(parts[1]);
        var query = AwsRequest.ParseQuery(request.Query);
        var operation = request.Method switch
        {
            "PUT" when query.ContainsKey("tagging") => "PutObjectTagging",
            "PUT" when request.Header("x-amz-copy-source") is not null => "CopyObject",
            "PUT" => "PutObject",
            "GET" when query.ContainsKey("tagging") => "GetObjectTagging",
            "GET" => "GetObject",
            "HEAD" => "HeadObject",
            "DELETE" => "DeleteObject",
            var other => other,
        };

        var keyBytes = Encoding.UTF8.GetByteCount(key);
        if (keyBytes > AwsLimits.S3KeyBytes)
        {
            yield return Violation(operation, $"the object key is {keyBytes} UTF-8 bytes; S3 allows {AwsLimits.S3KeyBytes} (KeyTooLongError)");
        }

        if (operation is "PutObject" or "CopyObject")
        {
            var metadata = request.Headers
                .Where(header => header.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
                .Sum(header => Encoding.UTF8.GetByteCount(header.Key) + Encoding.UTF8.GetByteCount(header.Value));
            if (metadata > AwsLimits.S3UserMetadataBytes)
            {
                yield return Violation(operation, $"the user metadata is {metadata} bytes (names with their x-amz-meta- prefix, plus values); S3 allows {AwsLimits.S3UserMetadataBytes} (MetadataTooLarge)");
            }

            if (request.Header("x-amz-tagging") is { } header)
            {
                foreach (var violation in CheckTags(operation, AwsRequest.ParseQuery(header).Select(tag => (tag.Key, tag.Value)).ToList()))
                {
                    yield return violation;
                }
            }
        }

        if (operation == "PutObjectTagging")
        {
            var document = XDocument.Parse(Encoding.UTF8.GetString(request.Body));
            var tags = document.Descendants().Where(e => e.Name.LocalName == "Tag")
                .Select(tag => (tag.Elements().First(e => e.Name.LocalName == "Key").Value, tag.Elements().FirstOrDefault(e => e.Name.LocalName == "Value")?.Value ?? string.Empty))
                .ToList();
            foreach (var violation in CheckTags(operation, tags))
            {
                yield return violation;
            }
        }
    }

    private static IEnumerable<RuleViolation> CheckTags(string operation, List<(string Key, string Value)> tags)
    {
        if (tags.Count > AwsLimits.S3TagsPerObject)
        {
            yield return Violation(operation, $"{tags.Count} tags; S3 allows {AwsLimits.S3TagsPerObject} per object (BadRequest)");
        }

        foreach (var duplicate in tags.GroupBy(tag => tag.Key, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            yield return Violation(operation, $"the tag key '{duplicate.Key}' is used twice (InvalidTag)");
        }

        foreach (var (key, value) in tags)
        {
            if (Characters(key) is var keyLength and (> AwsLimits.S3TagKeyCharacters or 0))
            {
                yield return Violation(operation, $"the tag key '{Shorten(key)}' is {keyLength} characters; S3 allows 1 to {AwsLimits.S3TagKeyCharacters} (InvalidTag)");
            }

            if (Characters(value) > AwsLimits.S3TagValueCharacters)
            {
                yield return Violation(operation, $"the value of tag '{Shorten(key)}' is {Characters(value)} characters; S3 allows {AwsLimits.S3TagValueCharacters} (InvalidTag)");
            }

            if ((key + value).FirstOrDefault(c => !IsTagCharacter(c)) is var bad and not '\0')
            {
                yield return Violation(operation, $"tag '{Shorten(key)}' holds '{bad}' (U+{((int)bad).ToString("X4", CultureInfo.InvariantCulture)}); S3 allows letters, numbers, spaces and + - = . _ : / @ (InvalidTag)");
            }
        }
    }

    /// <summary>https://docs.aws.amazon.com/AmazonS3/latest/API/API_Tag.html: letters, numbers, spaces and + - = . _ : / @.</summary>
    private static bool IsTagCharacter(char c) => char.IsLetterOrDigit(c) || c == ' ' || "+-=._:/@".Contains(c, StringComparison.Ordinal) || char.IsSurrogate(c);

    private static int Characters(string text) => text.EnumerateRunes().Count();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static RuleViolation Violation(string operation, string detail) => new("S3", operation, detail);
}
