using System.Text.Json;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

/// <summary>
/// The local function host killed with SIGKILL in the middle of a batch, then restarted. The kill comes at a
/// known point: the first upload is announced, the second has its outputs and record but its notification is
/// held, the rest of the batch has not started.
/// </summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "e2e")]
public sealed class CrashRecoveryTests(MotoServer moto)
{
    private const int Uploads = 12;

    [Fact]
    public async Task Every_upload_is_processed_exactly_once_after_a_kill_and_restart()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var keys = await env.UploadPhotosAsync("crash", Uploads);

        using (var gate = new PublishGate(env.Endpoint, allowed: 1))
        using (var first = FunctionHostProcess.Start(env, "--Pipeline:VisibilityTimeoutSeconds=3", "--EventSource:BatchSize=4", $"--AWS_ENDPOINT_URL_SNS={gate.Endpoint}"))
        {
            await WaitUntilAsync(() => Task.FromResult(gate.Held > 0), first, "the second notification was never attempted");
            first.Kill(); // SIGKILL: no graceful shutdown, a batch is in flight
        }

        Assert.Equal(1, await FinalCountAsync(env, keys));
        using (var second = FunctionHostProcess.Start(env, "--Pipeline:VisibilityTimeoutSeconds=3", "--EventSource:BatchSize=4"))
        {
            await WaitUntilAsync(async () => await FinalCountAsync(env, keys) == Uploads, second, "not every upload was processed after the restart");
        }

        foreach (var key in keys)
        {
            var record = Assert.Single(await env.RecordsAsync(key));
            Assert.Equal("processed", record["status"].S);
            Assert.True(record["notified"].BOOL);
            Assert.NotNull(await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, "processed/" + key["uploads/".Length..]));
        }

        // At least once, and a stable id per upload lets subscribers drop the duplicates a crash can cause.
        var eventIds = (await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl))
            .Select(n => JsonDocument.Parse(n.GetProperty("Message").GetString()!).RootElement.GetProperty("eventId").GetString())
            .ToList();
        Assert.Equal(Uploads, eventIds.Distinct().Count());
    }

    private static async Task<int> FinalCountAsync(PipelineEnvironment env, IEnumerable<string> keys)
    {
        var count = 0;
        foreach (var key in keys)
        {
            var records = await env.RecordsAsync(key);
            // moto applies an UpdateItem in steps, so a concurrent read can see an item without its status yet.
            if (records.Count == 1 && records[0].TryGetValue("status", out var status) && status.S == "processed"
                && records[0].TryGetValue("notified", out var notified) && notified.BOOL == true)
            {
                count++;
            }
        }

        return count;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, ChildProcess host, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            Assert.False(host.HasExited, "the function host exited:\n" + host.Output);
            await Task.Delay(100);
        }

        Assert.Fail(failure + "\n" + host.Output);
    }
}
