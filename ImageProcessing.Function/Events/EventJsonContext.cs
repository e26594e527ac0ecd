using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Events;

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(S3EventNotification))]
[JsonSerializable(typeof(BatchResponse))]
public sealed partial class EventJsonContext : JsonSerializerContext;
