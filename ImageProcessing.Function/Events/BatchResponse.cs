using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

/// <summary>The partial batch response: only the listed messages are retried.</summary>
public sealed record BatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures);
