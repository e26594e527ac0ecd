using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

/// <summary>
/// The S3 event notification (eventVersion 2.x) carried in an SQS message body, or the
/// <c>s3:TestEvent</c> S3 sends when a notification is configured (it has <c>Event</c>, not <c>Records</c>).
/// </summary>
public sealed record S3EventNotification(
    [property: JsonPropertyName("Records")] IReadOnlyList<S3EventRecord>? Records,
    [property: JsonPropertyName("Event")] string? Event)
{
    public bool IsTestEvent => Records is null && Event == "s3:TestEvent";
}

public sealed record S3EventRecord(
    [property: JsonPropertyName("eventVersion")] string? EventVersion,
    [property: JsonPropertyName("eventSource")] string? EventSource,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion,
    [property: JsonPropertyName("eventTime")] DateTimeOffset? EventTime,
    [property: JsonPropertyName("eventName")] string? EventName,
    [property: JsonPropertyName("s3")] S3Entity? S3);

public sealed record S3Entity(
    [property: JsonPropertyName("bucket")] S3BucketEntity? Bucket,
    [property: JsonPropertyName("object")] S3ObjectEntity? S3Object);

public sealed record S3BucketEntity(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("arn")] string? Arn);

/// <param name="Key">Form-url-encoded, as S3 sends it; see <see cref="S3Keys.Decode"/>.</param>
public sealed record S3ObjectEntity(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("eTag")] string? ETag,
    [property: JsonPropertyName("versionId")] string? VersionId,
    [property: JsonPropertyName("sequencer")] string? Sequencer);
