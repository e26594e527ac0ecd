using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>The answer to an accepted upload: where it went, and the trace to follow it by.</summary>
internal sealed record UploadAccepted(string Bucket, string Key, string? VersionId, long Bytes, string? TraceId);

/// <summary>The answer to a request the upload API cannot serve.</summary>
internal sealed record UploadProblem(string Error, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null);

/// <summary>The upload API's JSON, generated at compile time so the host runs under Native AOT as well.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UploadAccepted))]
[JsonSerializable(typeof(UploadProblem))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(UploadView))]
[JsonSerializable(typeof(List<UploadView>))]
[JsonSerializable(typeof(ImageProcessing.Operations.Operator.OperationResult))]
internal sealed partial class UploadJsonContext : JsonSerializerContext;
