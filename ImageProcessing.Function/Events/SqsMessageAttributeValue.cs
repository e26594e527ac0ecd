using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

public sealed record SqsMessageAttributeValue(
    [property: JsonPropertyName("stringValue")] string? StringValue,
    [property: JsonPropertyName("dataType")] string? DataType);
