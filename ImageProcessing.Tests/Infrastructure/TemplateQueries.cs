using System.Text.Json.Nodes;

namespace ImageProcessing.Tests.Infrastructure;

/// <summary>Small helpers over template JSON.</summary>
internal static class TemplateQueries
{
    public static JsonObject Properties(this JsonObject resource) => resource["Properties"]!.AsObject();

    public static IEnumerable<JsonObject> Statements(this JsonNode policyDocument) =>
        policyDocument["Statement"]!.AsArray().Select(statement => statement!.AsObject());

    /// <summary>A node's value as a list of strings, whether it holds one value or an array.</summary>
    public static IReadOnlyList<string> Strings(this JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(item => item!.ToJsonString().Trim('"')).ToList(),
        _ => [node.ToJsonString().Trim('"')],
    };

    public static bool RefersTo(this JsonNode? node, string logicalId) =>
        node is not null && node.ToJsonString().Contains($"\"{logicalId}\"", StringComparison.Ordinal);
}
