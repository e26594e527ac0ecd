using System.Diagnostics;
using System.Diagnostics.Metrics;
using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Telemetry;

/// <summary>
/// The function's spans and metrics under one name, so any OpenTelemetry host can subscribe with
/// <c>AddSource(FunctionTelemetry.Name)</c> and <c>AddMeter(FunctionTelemetry.Name)</c>.
/// </summary>
public static class FunctionTelemetry
{
    public const string Name = "ImageProcessing.Function";

    public static readonly ActivitySource Source = new(Name, "1.0.0");

    private static readonly Meter Meter = new(Name, "1.0.0");

    private static readonly Counter<long> Processed = Meter.CreateCounter<long>("images.processed", "{image}", "Uploads processed into renditions");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("images.rejected", "{image}", "Uploads rejected, by reason");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("images.failed", "{image}", "Uploads that failed and will be retried, by error");
    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>("images.skipped", "{event}", "Events not processed (duplicates, outside the input prefix, gone), by cause");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("images.duration", "ms", "Time to handle one upload");
    private static readonly Histogram<long> InputBytes = Meter.CreateHistogram<long>("images.input.size", "By", "Size of uploads read");

    public static Activity? StartInternal(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>A client span for an AWS call, named the way OpenTelemetry's AWS conventions name them.</summary>
    public static Activity? StartClient(string name, string service, string operation)
    {
        var activity = Source.StartActivity(name, ActivityKind.Client);
        activity?.SetTag("rpc.system", "aws-api");
        activity?.SetTag("rpc.service", service);
        activity?.SetTag("rpc.method", operation);
        return activity;
    }

    /// <param name="reason">A stable code (rejection reason, error type), never free text: it is a metric dimension.</param>
    public static void RecordOutcome(UploadStatus status, string? reason, double elapsedMs)
    {
        var tags = new TagList { { "status", status.Name() } };
        if (reason is not null)
        {
            tags.Add("reason", reason);
        }

        switch (status)
        {
            case UploadStatus.Processed:
                Processed.Add(1, tags);
                break;
            case UploadStatus.Rejected:
                Rejected.Add(1, tags);
                break;
            case UploadStatus.Failed:
                Failed.Add(1, tags);
                break;
            default:
                Skipped.Add(1, tags);
                break;
        }

        Duration.Record(elapsedMs, tags);
    }

    public static void RecordInputBytes(long bytes) => InputBytes.Record(bytes);
}
