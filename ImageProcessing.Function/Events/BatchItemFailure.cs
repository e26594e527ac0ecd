using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
