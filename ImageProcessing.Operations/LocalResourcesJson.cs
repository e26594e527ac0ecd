using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageProcessing.Operations;

/// <summary>
/// <see cref="LocalResources"/> as JSON: what <c>provision</c> prints, and what the app host hands the function host
/// (<see cref="ConfigurationKey"/>) so the resources it provisioned once are not provisioned again.
/// </summary>
public static class LocalResourcesJson
{
    public const string ConfigurationKey = "Pipeline:Resources";

    /// <summary>The same key as an environment variable.</summary>
    public const string EnvironmentVariable = "Pipeline__Resources";

    public static string Write(LocalResources resources, bool indented = false) =>
        JsonSerializer.Serialize(resources, indented ? LocalResourcesJsonContext.Indented.LocalResources : LocalResourcesJsonContext.Default.LocalResources);

    public static LocalResources Read(string json) =>
        JsonSerializer.Deserialize(json, LocalResourcesJsonContext.Default.LocalResources)
            ?? throw new JsonException($"{ConfigurationKey} is JSON null, not the pipeline's resources");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LocalResources))]
internal sealed partial class LocalResourcesJsonContext : JsonSerializerContext
{
    public static LocalResourcesJsonContext Indented { get; } = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true });
}
