using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

public sealed record SqsMessage(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("receiptHandle")] string? ReceiptHandle,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string>? Attributes,
    [property: JsonPropertyName("messageAttributes")] IReadOnlyDictionary<string, SqsMessageAttributeValue>? MessageAttributes,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion)
{
    /// <summary>How many times SQS has handed this message out, including this time.</summary>
    public int ReceiveCount =>
        Attributes?.TryGetValue("ApproximateReceiveCount", out var count) == true && int.TryParse(count, out var n) ? n : 1;
}
