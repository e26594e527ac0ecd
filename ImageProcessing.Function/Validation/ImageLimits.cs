using ImageProcessing.Pipeline;

namespace ImageProcessing.Function.Validation;

/// <summary>What an upload may be at most. Defaults are the product's published limits.</summary>
public sealed record ImageLimits
{
    public long MaxBytes { get; init; } = PipelineDefinition.MaxUploadBytes;
    public int MaxWidth { get; init; } = PipelineDefinition.MaxImageDimension;
    public int MaxHeight { get; init; } = PipelineDefinition.MaxImageDimension;
    public int MaxJpegScans { get; init; } = PipelineDefinition.MaxJpegScans;

    /// <summary>Wall time one upload's validation and rendering may take before it is stopped with a verdict.</summary>
    public TimeSpan ProcessingBudget { get; init; } = TimeSpan.FromSeconds(PipelineDefinition.ProcessingBudgetSeconds);

    public static ImageLimits Default { get; } = new();

    /// <summary>Throws when a limit is not usable; called when configuration is loaded.</summary>
    public ImageLimits Validated()
    {
        if (MaxBytes is < 1 or > int.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "must be between 1 and 2147483646 bytes");
        }

        if (MaxWidth is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWidth), MaxWidth, "must be between 1 and 65535 pixels");
        }

        if (MaxHeight is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHeight), MaxHeight, "must be between 1 and 65535 pixels");
        }

        return this;
    }
}
