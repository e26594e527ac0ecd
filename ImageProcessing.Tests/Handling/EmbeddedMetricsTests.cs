using System.Text.Json;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Telemetry;

namespace ImageProcessing.Tests.Handling;

/// <summary>Outcomes reach CloudWatch as Embedded Metric Format lines in the function's log.</summary>
[Trait("Category", "unit")]
public sealed class EmbeddedMetricsTests
{
    [Fact]
    public void An_outcome_is_one_emf_line_per_metric_with_its_reason_as_a_property()
    {
        var reason = "emf_test_" + Guid.NewGuid().ToString("N")[..8];
        using var output = new StringWriter();
        using (new EmbeddedMetrics(output, "prod-image-function", TimeProvider.System))
        {
            FunctionTelemetry.RecordOutcome(UploadStatus.Rejected, reason, 12.5);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.TryGetProperty("reason", out var r) && r.GetString() == reason)
            .ToList();

        var rejected = Assert.Single(lines, line => line.TryGetProperty("Rejected", out _));
        var duration = Assert.Single(lines, line => line.TryGetProperty("DurationMs", out _));
        Assert.Equal(1, rejected.GetProperty("Rejected").GetDouble());
        Assert.Equal(12.5, duration.GetProperty("DurationMs").GetDouble());
        Assert.Equal("prod-image-function", rejected.GetProperty("FunctionName").GetString());
        var definition = rejected.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("ImageProcessing", definition.GetProperty("Namespace").GetString());
        Assert.Equal("FunctionName", definition.GetProperty("Dimensions")[0][0].GetString());
        Assert.Equal(("Rejected", "Count"), (definition.GetProperty("Metrics")[0].GetProperty("Name").GetString(), definition.GetProperty("Metrics")[0].GetProperty("Unit").GetString()));
        Assert.True(rejected.GetProperty("_aws").GetProperty("Timestamp").GetInt64() > 0);
    }

    [Fact]
    public void Only_four_metrics_reach_cloudwatch() =>
        Assert.Equal(["DurationMs", "Failed", "Processed", "Rejected"], EmbeddedMetrics.MetricNames.Values.Select(m => m.Name).Order(StringComparer.Ordinal));
}
