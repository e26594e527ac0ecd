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
