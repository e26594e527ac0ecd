using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Handling.Notifications;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(ImageFormatJsonConverter)])]
[JsonSerializable(typeof(ImageEventMessage))]
[JsonSerializable(typeof(SecurityAlert))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
