using System.Text.Json;
using Amazon.S3.Model;
using ImageProcessing.Function.Rules;
using ImageProcessing.Tests.Support;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Tests.Emulator;

[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class HandlerTests(MotoServer moto)
{
    [Theory]
    [InlineData("uploads/a/photo.jpg", "jpeg", 1024, 768, "processed/a/photo.jpg", "image/jpeg")]
    [InlineData("uploads/icon_thumb.png", "png", 200, 150, "processed/icon_thumb.png", "image/png")]
    [InlineData("uploads/gray_grayscale.webp", "webp", 1600, 1200, "processed/gray_grayscale.webp", "image/webp")]
    public async Task A_real_upload_is_processed_into_outputs_a_record_and_a_notification(
        string key, string format, int width, int height, string outputKey, string contentType)
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        using var image = TestImages.Gradient(1600, 1200);

        var response = await env.UploadAndInvokeAsync((key, TestImages.Encode(NetVips.Enums.ForeignKeep.None, image, format)));

        Assert.Empty(response.BatchItemFailures);
        var head = await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, outputKey);
        Assert.Equal(contentType, head.Headers.ContentType);
        Assert.Equal("aws:kms", head.ServerSideEncryptionMethod.Value);
        Assert.Contains(env.Resources.KmsKeyId, head.ServerSideEncryptionKeyManagementServiceKeyId, StringComparison.Ordinal);
        Assert.Equal(Uri.EscapeDataString(key), head.Metadata["source-key"]);
        using (var output = await env.S3.GetObjectAsync(env.Resources.Bucket, outputKey))
        using (var decoded = NetVips.Image.NewFromStream(output.ResponseStream))
        {
            Assert.Equal((width, height), (decoded.Width, decoded.Height));
        }

        var record = Assert.Single(await env.RecordsAsync(key));
        Assert.Equal("processed", record["status"].S);
        Assert.Equal(format, record["sourceFormat"].S);
        Assert.Equal("1600", record["sourceWidth"].N);
        Assert.Equal(64, record["sourceSha256"].S.Length);
        Assert.True(record["notified"].BOOL);
        Assert.True(long.Parse(record["expiresAt"].N, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddDays(89).ToUnixTimeSeconds());
        var recordedOutput = Assert.Single(record["outputs"].L);
        Assert.Equal(outputKey, recordedOutput.M["key"].S);

        var notification = Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
        Assert.Equal("processed", notification.GetProperty("MessageAttributes").GetProperty("status").GetProperty("Value").GetString());
        var message = JsonDocument.Parse(notification.GetProperty("Message").GetString()!).RootElement;
        Assert.Equal("image.processed", message.GetProperty("type").GetString());
        Assert.Equal(key, message.GetProperty("sourceKey").GetString());
        Assert.Equal(record["eventId"].S, message.GetProperty("eventId").GetString());
        Assert.Equal(outputKey, message.GetProperty("outputs")[0].GetProperty("key").GetString());
        Assert.Empty(await env.NotificationsAsync(env.Resources.SecurityAlertsInboxUrl));
    }

    public static TheoryData<string, string> Rejections() => new()
    {
        { "gif-named-png", "unsupported_format" },
        { "empty", "empty_file" },
        { "too-large", "too_large" },
        { "too-wide", "dimensions_exceeded" },
        { "truncated", "corrupt_image" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_bad_upload_is_rejected_recorded_tagged_and_announced(string kind, string reason)
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var content = kind switch
        {
            "gif-named-png" => CraftedFiles.Gif(),
            "empty" => [],
            "too-large" => new byte[ImageProcessing.Pipeline.PipelineDefinition.MaxUploadBytes + 1],
            "too-wide" => CraftedFiles.PngClaiming(5000, 10),
            _ => TestImages.Jpeg(800, 600)[..4000],
        };
        var key = $"uploads/bad/{kind}.png";

        var response = await env.UploadAndInvokeAsync((key, content));

        Assert.Empty(response.BatchItemFailures);
        var record = Assert.Single(await env.RecordsAsync(key));
        Assert.Equal(("rejected", reason), (record["status"].S, record["reason"].S));
        Assert.False(string.IsNullOrEmpty(record["message"].S));
        var tags = await env.S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = env.Resources.Bucket, Key = key });
        Assert.Contains(tags.Tagging, t => t.Key == "processing-status" && t.Value == "rejected");
        Assert.Contains(tags.Tagging, t => t.Key == "processing-reason" && t.Value == reason);
        Assert.NotNull(await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, key)); // kept, not deleted
        var listed = await env.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = env.Resources.Bucket, Prefix = "processed/" });
        Assert.Empty(listed.S3Objects ?? []);

        var events = Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
        Assert.Equal(reason, events.GetProperty("MessageAttributes").GetProperty("reason").GetProperty("Value").GetString());
        // One rejection is no alert (any uploader could flood the topic); the rejection-rate alarm is the signal.
        Assert.Empty(await env.NotificationsAsync(env.Resources.SecurityAlertsInboxUrl));
    }

    [Fact]
    public async Task A_duplicate_delivery_does_no_work_and_sends_no_second_notification()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var messages = await env.UploadAndReceiveAsync("uploads/once.jpg", TestImages.Jpeg(300, 200));

        Assert.Empty((await env.InvokeAsync(messages)).BatchItemFailures);
        Assert.Empty((await env.InvokeAsync(messages, receiveCount: 2)).BatchItemFailures);

        var record = Assert.Single(await env.RecordsAsync("uploads/once.jpg"));
        Assert.Equal("1", record["attempts"].N);
        Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
    }

    [Fact]
    public async Task A_delivery_under_changed_rules_does_the_work_again_and_announces_the_new_verdict_once()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var messages = await env.UploadAndReceiveAsync("uploads/again.jpg", TestImages.Jpeg(1600, 1200));
        Assert.Empty((await env.InvokeAsync(messages)).BatchItemFailures);
        var first = Assert.Single(await env.RecordsAsync("uploads/again.jpg"));

        env.Deploy(new Dictionary<string, string> { [Env.RulesJson] = DefaultRules.Json.Replace("1024", "640", StringComparison.Ordinal) });
        Assert.Empty((await env.InvokeAsync(messages, receiveCount: 2)).BatchItemFailures);
        Assert.Empty((await env.InvokeAsync(messages, receiveCount: 3)).BatchItemFailures);

        var second = Assert.Single(await env.RecordsAsync("uploads/again.jpg"));
        Assert.Equal("2", second["attempts"].N);
        Assert.NotEqual(first["rulesFingerprint"].S, second["rulesFingerprint"].S);
        Assert.NotEqual(first["eventId"].S, second["eventId"].S);
        Assert.Equal("640", Assert.Single(second["outputs"].L).M["width"].N);
        using (var output = await env.S3.GetObjectAsync(env.Resources.Bucket, "processed/again.jpg"))
        using (var decoded = NetVips.Image.NewFromStream(output.ResponseStream))
        {
            Assert.Equal((640, 480), (decoded.Width, decoded.Height));
        }

        var notifications = await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl);
        var eventIds = notifications.Select(n => JsonDocument.Parse(n.GetProperty("Message").GetString()!).RootElement.GetProperty("eventId").GetString());
        Assert.Equal(new[] { first["eventId"].S, second["eventId"].S }.Order(StringComparer.Ordinal), eventIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_s3_failure_while_writing_outputs_is_retried_and_then_completes_once()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var messages = await env.UploadAndReceiveAsync("uploads/retry.jpg", TestImages.Jpeg(300, 200));
        env.Faults.Inject((request, _) => request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/processed/", StringComparison.Ordinal),
            times: 10, FaultInjector.S3SlowDown);

        await env.FailThenRecoverAsync(messages, whileFailed: async () =>
        {
            Assert.Equal("processing", Assert.Single(await env.RecordsAsync("uploads/retry.jpg"))["status"].S);
            Assert.Empty(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
        });

        var record = Assert.Single(await env.RecordsAsync("uploads/retry.jpg"));
        Assert.Equal(("processed", "2"), (record["status"].S, record["attempts"].N));
        Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
    }

    [Fact]
    public async Task DynamoDb_throttling_is_retried_and_then_completes()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var messages = await env.UploadAndReceiveAsync("uploads/throttled.png", TestImages.Png(64, 64));
        env.Faults.Inject((_, body) => body.Contains("\"TableName\"", StringComparison.Ordinal), times: 10, FaultInjector.DynamoDbThrottled);

        await env.FailThenRecoverAsync(messages);

        Assert.Equal("processed", Assert.Single(await env.RecordsAsync("uploads/throttled.png"))["status"].S);
        Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
    }

    [Fact]
    public async Task An_sns_failure_after_the_record_is_final_is_retried_until_announced()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var messages = await env.UploadAndReceiveAsync("uploads/announce.jpg", TestImages.Jpeg(100, 100));
        env.Faults.Inject((_, body) => body.StartsWith("Action=Publish", StringComparison.Ordinal), times: 1, FaultInjector.SnsInternalError);

        Assert.Single((await env.InvokeAsync(messages)).BatchItemFailures);
        var record = Assert.Single(await env.RecordsAsync("uploads/announce.jpg"));
        Assert.Equal("processed", record["status"].S);
        Assert.False(record["notified"].BOOL);

        Assert.Empty((await env.InvokeAsync(messages, receiveCount: 2)).BatchItemFailures);
        Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
        Assert.True(Assert.Single(await env.RecordsAsync("uploads/announce.jpg"))["notified"].BOOL);
    }
}
