using System.Net;
using ImageProcessing.Function.Events;
using ImageProcessing.Tests.Support;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Tests.Emulator;

/// <summary>
/// Faults in the middle of the work. After each, the upload ends processed exactly once (one final record,
/// every output present, one notification) once the message is redelivered.
/// </summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class FaultTests(MotoServer moto)
{
    private static readonly Dictionary<string, string> ThreeRenditions = new()
    {
        [Env.RulesJson] = """
            { "rules": [ { "suffix": "", "renditions": [
              { "name": "large", "resize": "fit", "width": 800, "height": 800 },
              { "name": "small", "resize": "fit", "width": 100, "height": 100, "keySuffix": "_small" },
              { "name": "square", "resize": "cover", "width": 64, "height": 64, "keySuffix": "_square" } ] } ] }
            """,
    };

    [Fact]
    public async Task A_put_failing_after_the_first_of_several_outputs_completes_on_retry()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto, ThreeRenditions);
        var messages = await env.UploadAndReceiveAsync("uploads/multi.jpg", TestImages.Jpeg(1000, 700));
        env.Faults.Inject((request, _) => request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.EndsWith("/processed/multi_small.jpg", StringComparison.Ordinal),
            times: 10, FaultInjector.S3SlowDown);

        await env.FailThenRecoverAsync(messages, whileFailed: async () =>
        {
            Assert.NotNull(await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, "processed/multi.jpg")); // first output written
            Assert.Equal("processing", Assert.Single(await env.RecordsAsync("uploads/multi.jpg"))["status"].S); // not final
        });

        await AssertProcessedOnceAsync(env, "uploads/multi.jpg", ["processed/multi.jpg", "processed/multi_small.jpg", "processed/multi_square.jpg"]);
    }

    [Fact]
    public async Task A_get_failing_mid_stream_is_retried()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var messages = await env.UploadAndReceiveAsync("uploads/stream.png", TestImages.Png(400, 300));
        env.Faults.Inject((request, _) => request.Method == HttpMethod.Get && request.RequestUri!.PathAndQuery.Contains("/uploads/stream.png", StringComparison.Ordinal)
            && !request.RequestUri.Query.Contains("tagging", StringComparison.Ordinal), times: 10, () => BrokenBody(1000));

        await env.FailThenRecoverAsync(messages);

        await AssertProcessedOnceAsync(env, "uploads/stream.png", ["processed/stream.png"]);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_upload_record_and_announce_it_once()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var messages = await env.UploadAndReceiveAsync("uploads/race.jpg", TestImages.Jpeg(1200, 900));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => env.InvokeAsync(messages))));

        Assert.All(responses, response => Assert.Empty(response.BatchItemFailures));
        await AssertProcessedOnceAsync(env, "uploads/race.jpg", ["processed/race.jpg"]);
    }

    [Fact]
    public async Task A_timeout_in_the_middle_of_a_batch_leaves_the_rest_for_redelivery()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var uploads = Enumerable.Range(0, 4).Select(i => ($"uploads/batch-{i}.jpg", TestImages.Jpeg(600, 400))).ToArray();
        foreach (var (key, content) in uploads)
        {
            await env.UploadAsync(key, content);
        }

        var messages = await env.ReceiveUploadMessagesAsync(uploads.Length);
        var batch = new SqsEvent([.. messages.Select(m => env.ToLambdaMessage(m))]);
        using var timeout = new CancellationTokenSource();
        // The first output write of the batch trips the invocation's deadline.
        env.Faults.WhenRequested(
            request => request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/processed/", StringComparison.Ordinal),
            timeout.Cancel);

        var response = await env.App.HandleAsync(batch, "timeout-test", timeout.Token);

        Assert.NotEmpty(response.BatchItemFailures);
        var retry = new SqsEvent([.. batch.Records!.Where(m => response.BatchItemFailures.Any(f => f.ItemIdentifier == m.MessageId))]);
        Assert.Empty((await env.InvokeAsync(retry)).BatchItemFailures);
        foreach (var (key, _) in uploads)
        {
            await AssertProcessedOnceAsync(env, key, ["processed/" + key["uploads/".Length..]], drainNotifications: false);
        }

        Assert.Equal(uploads.Length, (await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl)).Count);
    }

    private static async Task AssertProcessedOnceAsync(PipelineEnvironment env, string key, string[] outputs, bool drainNotifications = true)
    {
        var record = Assert.Single(await env.RecordsAsync(key));
        Assert.Equal("processed", record["status"].S);
        Assert.True(record["notified"].BOOL);
        Assert.Equal(outputs.Order(StringComparer.Ordinal), record["outputs"].L.Select(o => o.M["key"].S).Order(StringComparer.Ordinal));
        foreach (var output in outputs)
        {
            Assert.NotNull(await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, output));
        }

        if (drainNotifications)
        {
            Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
        }
    }

    /// <summary>A 200 response whose body breaks off after <paramref name="bytes"/> bytes, like a dropped connection.</summary>
    private static HttpResponseMessage BrokenBody(int bytes) => new(HttpStatusCode.OK)
    {
        Content = new StreamContent(new BreakingStream(bytes)) { Headers = { ContentLength = 1_000_000 } },
    };

    private sealed class BreakingStream(int breakAfter) : MemoryStream(new byte[breakAfter])
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("connection reset by peer (injected)");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("connection reset by peer (injected)");
        }
    }
}
