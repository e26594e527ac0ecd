using ImageProcessing.Function.Processing;
using ImageProcessing.Pipeline;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Operations;

/// <summary>
/// The local pipeline's configuration: <c>Pipeline:NamePrefix</c>, <c>Pipeline:VisibilityTimeoutSeconds</c>, and
/// the function's own <c>INPUT_PREFIX</c> / <c>OUTPUT_PREFIX</c>, so the bucket notification and the upload page
/// follow the prefixes the function is given.
/// </summary>
public sealed record LocalPipelineSettings(LocalNames Names, KeyLayout Layout, int VisibilityTimeoutSeconds)
{
    /// <summary>The deployed layout and visibility timeout for resources named by <paramref name="names"/>.</summary>
    public static LocalPipelineSettings For(LocalNames names) => new(names, KeyLayout.Default, PipelineDefinition.QueueVisibilityTimeoutSeconds);

    public static LocalPipelineSettings From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var visibility = int.TryParse(configuration["Pipeline:VisibilityTimeoutSeconds"], out var seconds) && seconds > 0
            ? seconds
            : PipelineDefinition.QueueVisibilityTimeoutSeconds;
        var layout = new KeyLayout
        {
            InputPrefix = configuration[Env.InputPrefix] is { Length: > 0 } input ? input : PipelineDefinition.InputPrefix,
            OutputPrefix = configuration[Env.OutputPrefix] is { Length: > 0 } output ? output : PipelineDefinition.OutputPrefix,
        }.Validated();
        return new LocalPipelineSettings(new LocalNames(configuration["Pipeline:NamePrefix"] ?? string.Empty), layout, visibility);
    }
}
