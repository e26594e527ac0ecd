using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

public sealed record S3EventRecord(
    [property: JsonPropertyName("eventVersion")] string? EventVersion,
    [property: JsonPropertyName("eventSource")] string? EventSource,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion,
    [property: JsonPropertyName("eventTime")] DateTimeOffset? EventTime,
    [property: JsonPropertyName("eventName")] string? EventName,
    [property: JsonPropertyName("s3")] S3Entity? S3);
