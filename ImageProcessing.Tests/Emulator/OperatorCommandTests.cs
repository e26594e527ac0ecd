using System.Text.Json;
using Amazon.SQS.Model;
using ImageProcessing.Function.Events;
using ImageProcessing.Function.Rules;
using ImageProcessing.FunctionHost.Commands;
using ImageProcessing.Operations.Operator;
using ImageProcessing.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Tests.Emulator;

/// <summary>Redrive, purge and reprocess against the emulator, as the dashboard and the command line run them.</summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class OperatorCommandTests(MotoServer moto)
{
    [Fact]
    public async Task Redrive_moves_every_dead_lettered_message_back_and_then_refuses_an_empty_queue()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        await DrainUploadQueueAsync(env);
        var bodies = Enumerable.Range(0, 12).Select(i => $"{{\"n\":{i}}}").ToList();
        await SendAsync(env, env.Resources.DeadLetterQueueUrl, bodies);
        var queues = new QueueOperations(env.Sqs, NullLogger.Instance);

        var result = await queues.RedriveAsync(env.Resources.DeadLetterQueueUrl, env.Resources.UploadQueueUrl, CancellationToken.None);

        Assert.Equal((true, 12), (result.Succeeded, result.Count));
        Assert.Contains("Moved 12 messages", result.Message, StringComparison.Ordinal);
        Assert.Equal(bodies.Order(StringComparer.Ordinal), (await ReceiveAllAsync(env, env.Resources.UploadQueueUrl)).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await QueueCounts.ReadAsync(env.Sqs, env.Resources.DeadLetterQueueUrl, CancellationToken.None)).Total);

        var again = await queues.RedriveAsync(env.Resources.DeadLetterQueueUrl, env.Resources.UploadQueueUrl, CancellationToken.None);
        Assert.False(again.Succeeded);
        Assert.Contains("has no messages to redrive", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_empties_a_queue_and_refuses_one_that_is_empty()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var queues = new QueueOperations(env.Sqs, NullLogger.Instance);
        var empty = await queues.PurgeAsync(env.Resources.DeadLetterQueueUrl, CancellationToken.None);
        Assert.False(empty.Succeeded);
        Assert.Contains("is empty: nothing to purge", empty.Message, StringComparison.Ordinal);

        await SendAsync(env, env.Resources.DeadLetterQueueUrl, ["a", "b", "c"]);
        var purged = await queues.PurgeAsync(env.Resources.DeadLetterQueueUrl, CancellationToken.None);

        Assert.Equal((true, 3), (purged.Succeeded, purged.Count));
        Assert.Equal(0, (await QueueCounts.ReadAsync(env.Sqs, env.Resources.DeadLetterQueueUrl, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Reprocess_redoes_only_what_changed_rules_make_differently_and_refuses_an_unknown_prefix()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        string[] keys = ["uploads/a/my photo+1.jpg", "uploads/a/deep/ü.jpg", "uploads/b/other.jpg"];
        foreach (var key in keys)
        {
            await env.UploadAsync(key, TestImages.Jpeg(1600, 1200));
        }

        Assert.Empty((await env.InvokeAsync(await env.ReceiveUploadMessagesAsync(keys.Length))).BatchItemFailures);
        var reprocess = new ReprocessOperation(env.S3, env.Sqs, NullLogger.Instance);

        // Same rules: the function sees duplicates, does no work and sends nothing.
        var same = await reprocess.ReprocessAsync(env.Resources.Bucket, "uploads/", "a/", env.Resources.UploadQueueUrl, env.Resources.Region, CancellationToken.None);
        Assert.Equal((true, 2), (same.Succeeded, same.Count));
        var messages = await env.ReceiveUploadMessagesAsync(2);
        Assert.All(messages, m => Assert.Equal("reprocess", m.MessageAttributes[ReprocessOperation.OriginAttribute].StringValue));
        var decodedKeys = messages.Select(m => S3Keys.Decode(JsonSerializer.Deserialize(m.Body, EventJsonContext.Default.S3EventNotification)!.Records![0].S3!.S3Object!.Key!));
        Assert.Equal(keys[..2].Order(StringComparer.Ordinal), decodedKeys.Order(StringComparer.Ordinal));
        Assert.Empty((await env.InvokeAsync(messages)).BatchItemFailures);
        Assert.Equal("1", Assert.Single(await env.RecordsAsync(keys[0]))["attempts"].N);
        Assert.Equal(3, (await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl)).Count);

        // Changed rules: the same command makes new renditions and announces them.
        env.Deploy(new Dictionary<string, string> { [Env.RulesJson] = DefaultRules.Json.Replace("1024", "800", StringComparison.Ordinal) });
        Assert.True((await reprocess.ReprocessAsync(env.Resources.Bucket, "uploads/", "uploads/a/", env.Resources.UploadQueueUrl, env.Resources.Region, CancellationToken.None)).Succeeded);
        Assert.Empty((await env.InvokeAsync(await env.ReceiveUploadMessagesAsync(2))).BatchItemFailures);
        var redone = Assert.Single(await env.RecordsAsync(keys[0]));
        Assert.Equal(("2", "800"), (redone["attempts"].N, Assert.Single(redone["outputs"].L).M["width"].N));
        Assert.Equal("1", Assert.Single(await env.RecordsAsync(keys[2]))["attempts"].N);
        Assert.Equal(2, (await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl)).Count);

        var unknown = await reprocess.ReprocessAsync(env.Resources.Bucket, "uploads/", "zzz/", env.Resources.UploadQueueUrl, env.Resources.Region, CancellationToken.None);
        Assert.False(unknown.Succeeded);
        Assert.Contains("No uploads under 'uploads/zzz/'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_asks_before_it_acts_and_finds_the_local_queues_by_name()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        await DrainUploadQueueAsync(env);
        await SendAsync(env, env.Resources.DeadLetterQueueUrl, ["{}"]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = env.Endpoint.ToString(),
            ["AWS_REGION"] = env.Resources.Region,
            ["Pipeline:NamePrefix"] = env.NamePrefix,
        }).Build();

        var (declined, _, declinedError) = await RunAsync("redrive", [], configuration, stdin: "n\n");
        Assert.Equal(3, declined);
        Assert.Contains("nothing was changed", declinedError, StringComparison.Ordinal);
        Assert.Equal(1, (await QueueCounts.ReadAsync(env.Sqs, env.Resources.DeadLetterQueueUrl, CancellationToken.None)).Visible);

        var (done, output, _) = await RunAsync("redrive", ["--yes"], configuration);
        Assert.Equal(0, done);
        Assert.Contains($"Moved 1 message from {env.NamePrefix}image-uploads-dlq back to {env.NamePrefix}image-uploads.", output, StringComparison.Ordinal);

        var (refused, _, refusal) = await RunAsync("redrive", ["--yes"], configuration);
        Assert.Equal(1, refused);
        Assert.Contains("has no messages to redrive", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redrive", "--from <dead-letter queue URL> is required against AWS")]
    [InlineData("purge", "--queue <queue URL> is required against AWS")]
    [InlineData("reprocess", "--bucket <images bucket> is required against AWS")]
    public async Task Against_aws_the_command_line_acts_only_on_named_resources(string command, string error)
    {
        var (exitCode, _, stderr) = await RunAsync(command, ["--yes"], new ConfigurationBuilder().Build());

        Assert.Equal(2, exitCode);
        Assert.Contains(error, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string command, string[] args, IConfiguration configuration, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await OperatorCommand.RunAsync(command, args, configuration, input, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static async Task SendAsync(PipelineEnvironment env, string queueUrl, IReadOnlyList<string> bodies)
    {
        foreach (var chunk in bodies.Chunk(10))
        {
            await env.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. chunk.Select((body, i) => new SendMessageBatchRequestEntry { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageBody = body })],
            });
        }
    }

    private static async Task<List<string>> ReceiveAllAsync(PipelineEnvironment env, string queueUrl)
    {
        var bodies = new List<string>();
        while ((await env.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 })).Messages is { Count: > 0 } messages)
        {
            bodies.AddRange(messages.Select(m => m.Body));
        }

        return bodies;
    }

    /// <summary>Takes S3's test event off the upload queue, so the queue holds only what a test puts there.</summary>
    private static async Task DrainUploadQueueAsync(PipelineEnvironment env) => await ReceiveAllAsync(env, env.Resources.UploadQueueUrl);
}
