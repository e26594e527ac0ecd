using System.Diagnostics;
using System.Globalization;
using Amazon.SQS.Model;
using ImageProcessing.Tests.Emulator;
using ImageProcessing.Tests.Support;
using Xunit.Abstractions;

namespace ImageProcessing.Tests.Load;

/// <summary>
/// Pushes a mixed load (valid and hostile, 10 KB to 10 MB) through the local pipeline with the real function
/// host and reports throughput, latency from upload to record, the host's peak memory and the DLQ count.
/// Not part of the default run (see default.runsettings): <c>scripts/load_test.sh [uploads]</c>.
/// </summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "load")]
public sealed class LoadTests(MotoServer moto, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_upload_of_a_mixed_load_has_exactly_one_outcome()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("LOAD_UPLOADS"), out var n) ? n : 1000;
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var payloads = LoadPayloads.Create();
        var uploads = Enumerable.Range(0, count).Select(i => (Key: $"uploads/load/{i:D5}{payloads[i % payloads.Count].Name}", payloads[i % payloads.Count].Content)).ToList();

        using var host = FunctionHostProcess.Start(env, "--EventSource:BatchSize=5", "--Pipeline:VisibilityTimeoutSeconds=60");
        var uploadedAt = new Dictionary<string, DateTimeOffset>();
        var clock = Stopwatch.StartNew();
        foreach (var (key, content) in uploads)
        {
            await env.UploadAsync(key, content);
            uploadedAt[key] = DateTimeOffset.UtcNow;
        }

        var outcomes = new Dictionary<string, (string Status, DateTimeOffset CompletedAt)>();
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (outcomes.Count < count && DateTime.UtcNow < deadline)
        {
            foreach (var (key, _) in uploads.Where(u => !outcomes.ContainsKey(u.Key)))
            {
                var records = await env.RecordsAsync(key);
                Assert.True(records.Count <= 1, $"{key} has {records.Count} records");
                // A poll can see an item moto is still updating (no status yet): that counts as not final.
                if (records is [var record] && record.TryGetValue("status", out var status) && status.S != "processing")
                {
                    outcomes[key] = (record["status"].S, DateTimeOffset.Parse(record["completedAt"].S, CultureInfo.InvariantCulture));
                }
            }

            Assert.False(host.HasExited, host.Output);
            await Task.Delay(1000);
        }

        var elapsed = clock.Elapsed;
        var peakKilobytes = host.PeakResidentKilobytes();
        var dead = await env.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = env.Resources.DeadLetterQueueUrl,
            AttributeNames = ["ApproximateNumberOfMessages"],
        });
        var latencies = outcomes.Select(o => (o.Value.CompletedAt - uploadedAt[o.Key]).TotalMilliseconds).Order().ToList();
        output.WriteLine($"uploads: {count}, outcomes: {outcomes.Count} (processed {outcomes.Values.Count(o => o.Status == "processed")}, rejected {outcomes.Values.Count(o => o.Status == "rejected")}), dead letters: {dead.ApproximateNumberOfMessages}");
        output.WriteLine($"wall time: {elapsed.TotalSeconds:F1} s, throughput: {outcomes.Count / elapsed.TotalSeconds:F2} images/s");
        output.WriteLine($"latency upload->record ms: p50 {Percentile(latencies, 50):F0}, p95 {Percentile(latencies, 95):F0}, p99 {Percentile(latencies, 99):F0}");
        output.WriteLine($"function host peak RSS: {peakKilobytes / 1024} MB");

        Assert.Equal(count, outcomes.Count + dead.ApproximateNumberOfMessages);
        Assert.Equal(0, dead.ApproximateNumberOfMessages);
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}

/// <summary>A fixed mix of valid and hostile uploads, 10 KB to 10 MB.</summary>
internal static class LoadPayloads
{
    public static List<(string Name, byte[] Content)> Create()
    {
        var noise = new byte[10 * 1024 * 1024];
        new Random(7).NextBytes(noise);
        return
        [
            ("-small.jpg", TestImages.Jpeg(160, 120)),                      // ~10 KB
            ("-photo.jpg", TestImages.Jpeg(2048, 1536)),
            ("-photo_thumb.jpg", TestImages.Jpeg(3000, 2000)),
            ("-scan_grayscale.png", TestImages.Png(1200, 900)),
            ("-web.webp", TestImages.Webp(1600, 1200)),
            ("-max.jpg", TestImages.Jpeg(4096, 4096, quality: 95)),         // the largest valid case
            ("-noise.jpg", [0xFF, 0xD8, 0xFF, .. noise[..(10 * 1024 * 1024 - 3)]]), // 10 MB, corrupt
            ("-over.png", [.. noise, 0x00]),                                 // 10 MB + 1: too large
            ("-fake.png", CraftedFiles.Gif()),
            ("-bomb.png", CraftedFiles.PngClaiming(100_000, 100_000)),
        ];
    }
}
