using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

/// <summary>The batch Lambda receives from an SQS event source mapping.</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage>? Records);
