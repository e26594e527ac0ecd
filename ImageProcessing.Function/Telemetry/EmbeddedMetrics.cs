using System.Diagnostics.Metrics;
using System.Text.Json;
using Names = ImageProcessing.Pipeline.PipelineDefinition.Metrics;

namespace ImageProcessing.Function.Telemetry;

/// <summary>
/// Turns the function's outcome metrics into CloudWatch Embedded Metric Format lines in its log
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
/// CloudWatch extracts them from the log group, with no agent, collector or extra permission. Four metrics
/// (<see cref="MetricNames"/>) per function, within the free tier's ten; the reason and status go along as
/// properties, so Logs Insights can break them down without a metric per reason.
/// </summary>
public sealed class EmbeddedMetrics : IDisposable
{
    /// <summary>Instrument → EMF metric name and unit; other instruments stay out of CloudWatch.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Unit)> MetricNames = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["images.processed"] = (Names.Processed, "Count"),
        ["images.rejected"] = (Names.Rejected, "Count"),
        ["images.failed"] = (Names.Failed, "Count"),
        ["images.duration"] = (Names.DurationMs, "Milliseconds"),
    };

    private readonly MeterListener _listener = new();
    private readonly TextWriter _output;
    private readonly string _functionName;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public EmbeddedMetrics(TextWriter output, string functionName, TimeProvider time)
    {
        _output = output;
        _functionName = functionName;
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FunctionTelemetry.Name && MetricNames.ContainsKey(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Write(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Write(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private void Write(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var (name, unit) = MetricNames[instrument.Name];
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", _time.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", Names.Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue(Names.FunctionDimension);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("Unit", unit);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString(Names.FunctionDimension, _functionName);
            json.WriteNumber(name, value);
            foreach (var (key, tag) in tags)
            {
                if (tag is string text)
                {
                    json.WriteString(key, text);
                }
            }

            json.WriteEndObject();
        }

        lock (_gate)
        {
            _output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            _output.Flush();
        }
    }
}
