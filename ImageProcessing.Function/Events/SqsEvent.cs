using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

/// <summary>The batch Lambda receives from an SQS event source mapping.</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage>? Records);

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

public sealed record SqsMessageAttributeValue(
    [property: JsonPropertyName("stringValue")] string? StringValue,
    [property: JsonPropertyName("dataType")] string? DataType);

/// <summary>The partial batch response: only the listed messages are retried.</summary>
public sealed record BatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures);

public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
