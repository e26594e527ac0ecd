using ImageProcessing.Pipeline;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>How the local event source mapping feeds the function; defaults are the deployed ones.</summary>
public sealed class EventSourceOptions
{
    public const string Section = "EventSource";

    public int BatchSize { get; set; } = PipelineDefinition.BatchSize;
    public double MaximumBatchingWindowSeconds { get; set; } = PipelineDefinition.MaximumBatchingWindowSeconds;
    public int FunctionTimeoutSeconds { get; set; } = PipelineDefinition.FunctionTimeoutSeconds;

    /// <summary>
    /// When set, failed messages become visible again after this delay instead of the queue's visibility
    /// timeout (Lambda's behaviour, the default). Lets a developer or a test watch retries reach the DLQ quickly.
    /// </summary>
    public int? RetryDelaySeconds { get; set; }

    /// <summary>SQS long polling: how long one receive waits for messages (at most 20 s).</summary>
    public int WaitTimeSeconds { get; set; } = 20;
}
