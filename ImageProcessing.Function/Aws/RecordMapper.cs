using System.Globalization;
using Amazon.DynamoDBv2.Model;
using ImageProcessing.Function.Handling;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.Function.Aws;

/// <summary>Maps <see cref="ImageRecord"/> to and from DynamoDB items (schema in docs/contracts.md).</summary>
public static class RecordMapper
{
    public const string RulesFingerprintAttribute = "rulesFingerprint";

    public static Dictionary<string, AttributeValue> ToItem(ImageRecord record)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Schema.PartitionKey] = S(record.Source.Key),
            [Schema.SortKey] = S(record.Source.Version),
            ["sourceBucket"] = S(record.Source.Bucket),
            ["eventId"] = S(record.EventId),
            ["status"] = S(record.Status.Name()),
            ["attempts"] = N(record.Attempts),
            [Schema.TimeToLiveAttribute] = N(record.ExpiresAt),
            ["notified"] = new AttributeValue { BOOL = record.Notified },
            ["outputs"] = new AttributeValue { L = [.. record.Outputs.Select(OutputItem)] },
        };
        Add(item, "reason", record.Reason);
        Add(item, RulesFingerprintAttribute, record.RulesFingerprint);
        Add(item, "message", record.Message);
        Add(item, "sourceFormat", record.Description?.Format?.Name());
        Add(item, "sourceSha256", record.Description?.Sha256);
        Add(item, "requestId", record.RequestId);
        Add(item, "receivedAt", record.ReceivedAt?.ToString("O", CultureInfo.InvariantCulture));
        Add(item, "completedAt", record.CompletedAt?.ToString("O", CultureInfo.InvariantCulture));
        AddNumber(item, "sourceBytes", record.Description?.Bytes);
        AddNumber(item, "sourceWidth", record.Description?.Width);
        AddNumber(item, "sourceHeight", record.Description?.Height);
        AddNumber(item, "durationMs", record.DurationMs);
        return item;
    }

    /// <summary>An item read by a query or scan: the source version comes from its own key attributes.</summary>
    public static ImageRecord FromItem(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return FromItem(new SourceVersion(Text(item, "sourceBucket") ?? string.Empty, Text(item, Schema.PartitionKey) ?? string.Empty,
            Text(item, Schema.SortKey) ?? string.Empty), item);
    }

    public static ImageRecord FromItem(SourceVersion source, Dictionary<string, AttributeValue> item) => new()
    {
        Source = source,
        // An item another writer is still creating may not carry a status yet: it is not final.
        Status = UploadStatuses.TryParse(Text(item, "status"), out var status) ? status : UploadStatus.Processing,
        Reason = Text(item, "reason"),
        Message = Text(item, "message"),
        Description = Number(item, "sourceBytes") is { } bytes
            ? new SourceDescription(Format(Text(item, "sourceFormat")), (int?)Number(item, "sourceWidth"), (int?)Number(item, "sourceHeight"),
                (long)bytes, Text(item, "sourceSha256"))
            : null,
        Outputs = item.TryGetValue("outputs", out var outputs) && outputs.L is { } list ? [.. list.Select(FromOutputItem)] : [],
        Attempts = (int)(Number(item, "attempts") ?? 0),
        RequestId = Text(item, "requestId"),
        ReceivedAt = Time(item, "receivedAt"),
        CompletedAt = Time(item, "completedAt"),
        DurationMs = Number(item, "durationMs"),
        ExpiresAt = (long)(Number(item, Schema.TimeToLiveAttribute) ?? 0),
        Notified = item.TryGetValue("notified", out var notified) && notified.BOOL == true,
        RulesFingerprint = Text(item, RulesFingerprintAttribute),
    };

    private static AttributeValue OutputItem(OutputSummary output) => new()
    {
        M = new Dictionary<string, AttributeValue>
        {
            ["key"] = S(output.Key),
            ["rendition"] = S(output.Rendition),
            ["format"] = S(output.Format.Name()),
            ["width"] = N(output.Width),
            ["height"] = N(output.Height),
            ["bytes"] = N(output.Bytes),
        },
    };

    private static OutputSummary FromOutputItem(AttributeValue value) => new(
        Text(value.M, "key") ?? string.Empty,
        Text(value.M, "rendition") ?? string.Empty,
        Format(Text(value.M, "format")) ?? default,
        (int)(Number(value.M, "width") ?? 0),
        (int)(Number(value.M, "height") ?? 0),
        (long)(Number(value.M, "bytes") ?? 0));

    private static ImageFormat? Format(string? name) => ImageFormats.TryParse(name, out var format) ? format : null;

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(double value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static void Add(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = S(value);
        }
    }

    private static void AddNumber(Dictionary<string, AttributeValue> item, string name, double? value)
    {
        if (value is { } number)
        {
            item[name] = N(number);
        }
    }

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    private static double? Number(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? double.Parse(n, CultureInfo.InvariantCulture) : null;

    private static DateTimeOffset? Time(Dictionary<string, AttributeValue> item, string name) =>
        Text(item, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
}
