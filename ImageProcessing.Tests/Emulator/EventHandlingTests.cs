using ImageProcessing.Function.Events;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class EventHandlingTests(MotoServer moto)
{
    [Theory]
    [InlineData("uploads/my holiday photo.jpg", "processed/my holiday photo.jpg")]
    [InlineData("uploads/Fotos/Ärger über Öl 😀.jpg", "processed/Fotos/Ärger über Öl 😀.jpg")]
    [InlineData("uploads/a+b=c&d.jpg", "processed/a+b=c&d.jpg")]
    [InlineData("uploads/100%/x%2Fy_thumb.jpg", "processed/100%/x%2Fy_thumb.jpg")]
    public async Task Encoded_keys_are_decoded_before_use(string key, string outputKey)
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);

        var response = await env.UploadAndInvokeAsync((key, TestImages.Jpeg(300, 200)));

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal("processed", Assert.Single(await env.RecordsAsync(key))["status"].S);
        Assert.NotNull(await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, outputKey));
    }

    [Fact]
    public async Task A_malformed_body_fails_only_its_own_message()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        await env.UploadAsync("uploads/good.jpg", TestImages.Jpeg(100, 80));
        var good = env.ToLambdaMessage((await env.ReceiveUploadMessagesAsync(1))[0]);
        var bad = good with { MessageId = "not-json", Body = "this is not JSON {" };
        var empty = good with { MessageId = "empty-body", Body = "" };

        var response = await env.InvokeAsync(new SqsEvent([bad, good, empty]));

        Assert.Equal(["not-json", "empty-body"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Single(await env.RecordsAsync("uploads/good.jpg"));
    }

    [Fact]
    public async Task Test_events_and_empty_events_are_acknowledged_without_work()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var template = new SqsMessage("m", "r", null, null, null, null, "us-east-1");
        var testEvent = template with
        {
            MessageId = "test-event",
            Body = """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-28T10:00:00.000Z","Bucket":"x","RequestId":"r","HostId":"h"}""",
        };
        var noRecords = template with { MessageId = "no-records", Body = """{"Records":[]}""" };

        var response = await env.InvokeAsync(new SqsEvent([testEvent, noRecords]));

        Assert.Empty(response.BatchItemFailures);
        Assert.Empty(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
    }

    [Fact]
    public async Task Keys_outside_the_input_prefix_are_skipped()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        await env.UploadAsync("uploads/seed.jpg", TestImages.Jpeg(50, 50));
        var seed = env.ToLambdaMessage((await env.ReceiveUploadMessagesAsync(1))[0]);
        await env.UploadAsync("processed/seed.jpg", TestImages.Jpeg(50, 50));
        var outside = seed with { MessageId = "outside", Body = seed.Body!.Replace("uploads%2Fseed.jpg", "processed%2Fseed.jpg", StringComparison.Ordinal).Replace("uploads/seed.jpg", "processed/seed.jpg", StringComparison.Ordinal) };

        var response = await env.InvokeAsync(new SqsEvent([outside]));

        Assert.Empty(response.BatchItemFailures);
        Assert.Empty(await env.RecordsAsync("processed/seed.jpg"));
        Assert.Empty(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
    }

    [Fact]
    public async Task An_event_for_another_bucket_is_refused_and_alerted()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        await env.UploadAsync("uploads/x.jpg", TestImages.Jpeg(50, 50));
        var message = env.ToLambdaMessage((await env.ReceiveUploadMessagesAsync(1))[0]);
        var foreign = message with { Body = message.Body!.Replace($"\"name\": \"{env.Resources.Bucket}\"", "\"name\": \"someone-elses-bucket\"", StringComparison.Ordinal)
            .Replace($"\"name\":\"{env.Resources.Bucket}\"", "\"name\":\"someone-elses-bucket\"", StringComparison.Ordinal) };
        Assert.Contains("someone-elses-bucket", foreign.Body, StringComparison.Ordinal);

        var response = await env.InvokeAsync(new SqsEvent([foreign]));

        Assert.Empty(response.BatchItemFailures);
        Assert.Empty(await env.RecordsAsync("uploads/x.jpg"));
        var alert = Assert.Single(await env.NotificationsAsync(env.Resources.SecurityAlertsInboxUrl));
        Assert.Equal("foreign-bucket", alert.GetProperty("MessageAttributes").GetProperty("kind").GetProperty("Value").GetString());
    }
}
