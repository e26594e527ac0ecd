using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageProcessing.Function.Rules;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleSetDocument))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
