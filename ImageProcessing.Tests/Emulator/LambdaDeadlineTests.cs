using System.Text;
using System.Text.Json;
using ImageProcessing.Function;
using ImageProcessing.Function.Configuration;
using ImageProcessing.Function.Events;
using ImageProcessing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageProcessing.Tests.Emulator;

/// <summary>The invocation deadline, through the entry point as the managed runtime calls it.</summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class LambdaDeadlineTests(MotoServer moto)
{
    [Fact]
    public async Task A_batch_that_outlives_the_functions_timeout_reports_its_unfinished_messages()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var uploads = Enumerable.Range(0, 3).Select(i => ($"uploads/deadline-{i}.jpg", TestImages.Jpeg(200, 100))).ToArray();
        foreach (var (key, content) in uploads)
        {
            await env.UploadAsync(key, content);
        }

        var messages = await env.ReceiveUploadMessagesAsync(uploads.Length);
        var batch = new SqsEvent([.. messages.Select(m => env.ToLambdaMessage(m))]);
        // A 2 s timeout leaves 1 s of work; the first output write takes (fake) 2.5 s.
        var time = new FakeTimeProvider();
        env.Faults.WhenRequested(
            request => request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/processed/", StringComparison.Ordinal),
            () => time.Advance(TimeSpan.FromSeconds(2.5)));
        var handler = new LambdaEntryPoint(() => env.App, name => name == "FUNCTION_TIMEOUT_SECONDS" ? "2" : null, time);

        await using var output = await handler.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(batch, EventJsonTestContext.Default.SqsEvent))));
        var response = (await JsonSerializer.DeserializeAsync(output, EventJsonTestContext.Default.BatchResponse))!;

        Assert.Equal(messages.Select(m => m.MessageId).Order(StringComparer.Ordinal), response.BatchItemFailures.Select(f => f.ItemIdentifier).Order(StringComparer.Ordinal));
        foreach (var (key, _) in uploads)
        {
            Assert.All(await env.RecordsAsync(key), record => Assert.NotEqual("processed", record.TryGetValue("status", out var status) ? status.S : null));
        }
    }

    [Theory]
    [InlineData(60, 54)]
    [InlineData(5, 4)]
    [InlineData(1, 0.5)]
    public void The_deadline_leaves_a_tenth_of_the_timeout_and_at_least_a_second_for_settling(int timeoutSeconds, double deadlineSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(deadlineSeconds), InvocationDeadline.For(TimeSpan.FromSeconds(timeoutSeconds)));
}
