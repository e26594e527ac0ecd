using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

public sealed record S3BucketEntity(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("arn")] string? Arn);
