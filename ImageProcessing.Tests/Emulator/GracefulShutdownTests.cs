using Amazon.SQS.Model;

namespace ImageProcessing.Tests.Emulator;

/// <summary>SIGTERM while a batch is in flight: the batch is finished and settled, the rest stays queued.</summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "e2e")]
public sealed class GracefulShutdownTests(MotoServer moto)
{
    private const int Uploads = 6;

    [Fact]
    public async Task Sigterm_finishes_the_batch_in_flight_and_leaves_the_rest_on_the_queue()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var keys = await env.UploadPhotosAsync("stop", Uploads);

        using var host = FunctionHostProcess.Start(env, "--EventSource:BatchSize=3");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await RecordsAsync(env, keys)).Count == 0 && DateTime.UtcNow < deadline)
        {
            Assert.False(host.HasExited, host.Output);
            await Task.Delay(50);
        }

        Assert.True(host.Terminate(TimeSpan.FromSeconds(60)), "the function host did not stop within 60 s of SIGTERM");

        var records = await RecordsAsync(env, keys);
        Assert.NotEmpty(records);
        Assert.All(records, record => Assert.True(record.Status == "processed" && record.Notified, $"{record.Key} was left {record.Status}"));
        var queue = await env.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = env.Resources.UploadQueueUrl,
            AttributeNames = ["ApproximateNumberOfMessagesNotVisible"],
        });
        var waiting = await env.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = env.Resources.UploadQueueUrl,
            MaxNumberOfMessages = 10,
            VisibilityTimeout = 0,
        });
        var uploadsWaiting = (waiting.Messages ?? []).Count(m => !m.Body.Contains("s3:TestEvent", StringComparison.Ordinal));
        // Nothing lost: each upload is final, waiting, or (when SIGTERM cut a receive short) invisible until its
        // visibility timeout ends. None is left half-processed.
        Assert.Equal(Uploads, records.Count + uploadsWaiting + queue.ApproximateNumberOfMessagesNotVisible);
    }

    private static async Task<List<(string Key, string Status, bool Notified)>> RecordsAsync(PipelineEnvironment env, List<string> keys)
    {
        var found = new List<(string, string, bool)>();
        foreach (var key in keys)
        {
            foreach (var record in await env.RecordsAsync(key))
            {
                // moto applies an UpdateItem in steps, so a concurrent read can see an item without its status yet.
                var status = record.TryGetValue("status", out var value) ? value.S : "processing";
                found.Add((key, status, record.TryGetValue("notified", out var notified) && notified.BOOL == true));
            }
        }

        return found;
    }
}
