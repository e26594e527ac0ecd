using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

public sealed record S3Entity(
    [property: JsonPropertyName("bucket")] S3BucketEntity? Bucket,
    [property: JsonPropertyName("object")] S3ObjectEntity? S3Object);
