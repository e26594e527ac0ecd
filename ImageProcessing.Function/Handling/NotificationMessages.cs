using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Handling;

/// <summary>The JSON published on the image-events topic (format documented in the README).</summary>
public sealed record ImageEventMessage(
    string EventId,
    string Type,
    string Status,
    string? Reason,
    string? Message,
    string Bucket,
    string SourceKey,
    string SourceVersion,
    ImageEventSource Source,
    IReadOnlyList<OutputSummary> Outputs,
    DateTimeOffset? CompletedAt)
{
    public static ImageEventMessage From(ImageRecord record) => new(
        record.Source.EventId,
        "image." + record.Status,
        record.Status,
        record.Reason,
        record.Message,
        record.Source.Bucket,
        record.Source.Key,
        record.Source.Version,
        new ImageEventSource(record.SourceFormat, record.SourceWidth, record.SourceHeight, record.SourceBytes, record.SourceSha256),
        record.Outputs,
        record.CompletedAt);
}

public sealed record ImageEventSource(string? Format, int? Width, int? Height, long? Bytes, string? Sha256);

/// <summary>The JSON published on the security-alerts topic.</summary>
public sealed record SecurityAlertMessage(string EventId, string Kind, string Summary, string Bucket, string Key, string? Reason, string? Detail)
{
    public static SecurityAlertMessage From(Aws.SecurityAlert alert) =>
        new(alert.EventId, alert.Kind, alert.Summary, alert.Bucket, alert.Key, alert.Reason, alert.Detail);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageEventMessage))]
[JsonSerializable(typeof(SecurityAlertMessage))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
