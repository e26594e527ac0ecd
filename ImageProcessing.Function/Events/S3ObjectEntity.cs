using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

/// <param name="Key">Form-url-encoded, as S3 sends it; see <see cref="S3Keys.Decode"/>.</param>
public sealed record S3ObjectEntity(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("eTag")] string? ETag,
    [property: JsonPropertyName("versionId")] string? VersionId,
    [property: JsonPropertyName("sequencer")] string? Sequencer);
