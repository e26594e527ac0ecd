using System.Text.Json;
using System.Text.Json.Serialization;
using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>Formats by their contract names (<c>jpeg</c>, <c>png</c>, <c>webp</c>), as records store them.</summary>
internal sealed class ImageFormatJsonConverter : JsonConverter<ImageFormat>
{
    public override ImageFormat Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ImageFormats.TryParse(reader.GetString(), out var format) ? format : throw new JsonException($"unknown image format '{reader.GetString()}'");

    public override void Write(Utf8JsonWriter writer, ImageFormat value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name());
    }
}
