using System.Text;
using ImageProcessing.Function.Events;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

/// <summary>Events and keys an attacker or a misconfiguration could produce.</summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class HostileEventTests(MotoServer moto)
{
    [Theory]
    [InlineData("uploads/../processed/escape.jpg")]
    [InlineData("uploads/a/../../b.jpg")]
    [InlineData("uploads/./x/./y.jpg")]
    [InlineData("uploads/%2e%2e/literal-percent.jpg")]
    public async Task Dot_segments_are_literal_key_characters_and_outputs_stay_under_the_output_prefix(string key)
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);

        var response = await env.UploadAndInvokeAsync((key, TestImages.Jpeg(64, 48)));

        Assert.Empty(response.BatchItemFailures);
        var record = Assert.Single(await env.RecordsAsync(key));
        var output = Assert.Single(record["outputs"].L).M["key"].S;
        Assert.Equal("processed/" + key["uploads/".Length..], output);
        Assert.NotNull(await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, output));
    }

    [Fact]
    public async Task Unicode_normalization_forms_are_distinct_objects_each_processed_once()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var composed = "uploads/caf\u00e9.jpg".Normalize(NormalizationForm.FormC);
        var decomposed = "uploads/cafe\u0301.jpg".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);

        var response = await env.UploadAndInvokeAsync((composed, TestImages.Jpeg(40, 30)), (decomposed, TestImages.Jpeg(30, 40)));

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal("30", Assert.Single(await env.RecordsAsync(composed))["sourceHeight"].N);
        Assert.Equal("40", Assert.Single(await env.RecordsAsync(decomposed))["sourceHeight"].N);
    }

    [Fact]
    public async Task A_declared_size_that_lies_never_lets_the_function_read_past_the_limit()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var fifty = new byte[50 * 1024 * 1024];
        TestImages.Jpeg(16, 16).CopyTo(fifty, 0);
        await env.UploadAsync("uploads/liar.jpg", fifty);
        var message = env.ToLambdaMessage((await env.ReceiveUploadMessagesAsync(1))[0]);
        var lying = message with { Body = System.Text.RegularExpressions.Regex.Replace(message.Body!, "\"size\":\\s*\\d+", "\"size\": 1234") };
        Assert.Contains("1234", lying.Body, StringComparison.Ordinal);

        var response = await env.InvokeAsync(new SqsEvent([lying]));

        Assert.Empty(response.BatchItemFailures);
        var record = Assert.Single(await env.RecordsAsync("uploads/liar.jpg"));
        Assert.Equal(("rejected", "too_large"), (record["status"].S, record["reason"].S));
        // HEAD refused it: the object's bytes were never requested (only its tags, to quarantine it).
        Assert.Contains(env.Faults.Requests, r => r.StartsWith("HEAD", StringComparison.Ordinal) && r.Contains("/liar.jpg", StringComparison.Ordinal));
        Assert.DoesNotContain(env.Faults.Requests, r => r.StartsWith("GET", StringComparison.Ordinal) && r.Contains("/liar.jpg", StringComparison.Ordinal)
            && !r.Contains("tagging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_with_a_duplicated_message_id_handles_the_message_once()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        await env.UploadAsync("uploads/twice.jpg", TestImages.Jpeg(50, 50));
        var message = env.ToLambdaMessage((await env.ReceiveUploadMessagesAsync(1))[0]);

        var response = await env.InvokeAsync(new SqsEvent([message, message, message]));

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal("1", Assert.Single(await env.RecordsAsync("uploads/twice.jpg"))["attempts"].N);
        Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl));
    }

    [Fact]
    public async Task A_failing_duplicated_message_id_is_reported_once()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var broken = new SqsMessage("dup", "r", "{not json", null, null, null, "us-east-1");

        var response = await env.InvokeAsync(new SqsEvent([broken, broken]));

        Assert.Equal("dup", Assert.Single(response.BatchItemFailures).ItemIdentifier);
    }

    [Fact]
    public async Task An_event_for_an_object_that_is_gone_is_acknowledged()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        await env.UploadAsync("uploads/gone.jpg", TestImages.Jpeg(50, 50));
        var messages = await env.ReceiveUploadMessagesAsync(1);
        var versions = await env.S3.ListVersionsAsync(env.Resources.Bucket, "uploads/gone.jpg");
        foreach (var version in versions.Versions)
        {
            await env.S3.DeleteObjectAsync(env.Resources.Bucket, version.Key, version.VersionId);
        }

        var response = await env.InvokeAsync(messages);

        Assert.Empty(response.BatchItemFailures);
        Assert.Empty(await env.RecordsAsync("uploads/gone.jpg"));
    }

    [Fact]
    public async Task An_event_without_bucket_or_key_fails_its_message_for_the_dead_letter_queue()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var noKey = new SqsMessage("no-key", "r", """{"Records":[{"eventVersion":"2.1","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"x"},"object":{}}}]}""",
            null, null, null, "us-east-1");

        var response = await env.InvokeAsync(new SqsEvent([noKey]));

        Assert.Equal("no-key", Assert.Single(response.BatchItemFailures).ItemIdentifier);
    }
}
