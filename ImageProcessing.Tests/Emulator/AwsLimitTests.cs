using System.Text.Json;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

/// <summary>
/// What AWS refuses and moto lets pass, handled as verdicts: output keys past S3's limit, metadata past 2 KB,
/// uploads that would share an output, and objects the function can never read.
/// </summary>
[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class AwsLimitTests(MotoServer moto)
{
    [Fact]
    public async Task An_upload_whose_output_key_would_pass_1024_bytes_is_rejected_as_key_too_long()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        // "processed/" is two bytes longer than "uploads/": a 1022-byte upload key is the longest that fits.
        var longest = "uploads/" + new string('k', 1022 - "uploads/".Length - ".jpg".Length) + ".jpg";
        var tooLong = "uploads/" + new string('k', 1023 - "uploads/".Length - ".jpg".Length) + ".jpg";

        var response = await env.UploadAndInvokeAsync((longest, TestImages.Jpeg(64, 48)), (tooLong, TestImages.Jpeg(64, 48)));

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal("processed", Assert.Single(await env.RecordsAsync(longest))["status"].S);
        var rejected = Assert.Single(await env.RecordsAsync(tooLong));
        Assert.Equal(("rejected", "key_too_long"), (rejected["status"].S, rejected["reason"].S));
        Assert.Contains("1025 bytes; S3 allows 1024", rejected["message"].S, StringComparison.Ordinal);
        await AssertTaggedAsync(env, tooLong, "key_too_long");
        Assert.Contains(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl), e => Message(e).GetProperty("sourceKey").GetString() == tooLong);
    }

    [Fact]
    public async Task Output_metadata_stays_within_2KB_whatever_the_key()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        // 330 three-byte characters: 998 bytes of key, which escapes to almost 3 KB.
        var wide = "uploads/" + new string('写', 330) + ".jpg";
        var plain = "uploads/plain name.jpg";

        var response = await env.UploadAndInvokeAsync((wide, TestImages.Jpeg(64, 48)), (plain, TestImages.Jpeg(64, 48)));

        Assert.Empty(response.BatchItemFailures);
        var wideOutput = await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, "processed/" + wide["uploads/".Length..]);
        Assert.DoesNotContain("x-amz-meta-source-key", wideOutput.Metadata.Keys);
        Assert.Equal(wide, Assert.Single(await env.RecordsAsync(wide))["sourceKey"].S);
        var plainOutput = await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, "processed/plain name.jpg");
        Assert.Equal(Uri.EscapeDataString(plain), plainOutput.Metadata["source-key"]);
    }

    [Fact]
    public async Task Uploads_that_differ_only_in_extension_keep_outputs_of_their_own()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var uploads = new (string Key, byte[] Content)[]
        {
            ("uploads/same/x.jpg", TestImages.Jpeg(300, 200)),
            ("uploads/same/x.png", TestImages.Jpeg(200, 300)), // JPEG bytes under a PNG name
            ("uploads/same/x", TestImages.Jpeg(100, 100)),
            ("uploads/same/x.JPG", TestImages.Png(120, 80)), // PNG bytes under a JPEG name, other case
        };

        var response = await env.UploadAndInvokeAsync(uploads);

        Assert.Empty(response.BatchItemFailures);
        foreach (var (key, _) in uploads)
        {
            var output = Assert.Single(Assert.Single(await env.RecordsAsync(key))["outputs"].L).M;
            Assert.Equal("processed/" + key["uploads/".Length..], output["key"].S);
        }

        var listed = await env.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = env.Resources.Bucket, Prefix = "processed/same/" });
        Assert.Equal(4, listed.S3Objects.Count);
        var png = await env.S3.GetObjectMetadataAsync(env.Resources.Bucket, "processed/same/x.JPG");
        Assert.Equal("image/png", png.Headers.ContentType);
    }

    [Fact]
    public async Task An_object_under_another_KMS_key_is_rejected_not_retried()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var otherKey = (await env.Kms.CreateKeyAsync(new CreateKeyRequest { Description = "someone else's key" })).KeyMetadata.KeyId;
        const string key = "uploads/other-key.jpg";
        await env.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = env.Resources.Bucket,
            Key = key,
            InputStream = new MemoryStream(TestImages.Jpeg(64, 48)),
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = otherKey,
        });
        // S3 refuses the checksum of an object under a key the caller may not decrypt with; moto does not check KMS.
        env.Faults.Inject((request, _) => request.Method == HttpMethod.Head && request.Headers.Contains("x-amz-checksum-mode")
                && request.RequestUri!.AbsolutePath.EndsWith("/other-key.jpg", StringComparison.Ordinal),
            times: 1, () => new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden));

        var response = await env.InvokeAsync(await env.ReceiveUploadMessagesAsync(1));

        Assert.Empty(response.BatchItemFailures);
        var record = Assert.Single(await env.RecordsAsync(key));
        Assert.Equal(("rejected", "foreign_encryption"), (record["status"].S, record["reason"].S));
        Assert.Contains(otherKey, record["message"].S, StringComparison.Ordinal);
        await AssertTaggedAsync(env, key, "foreign_encryption");
        Assert.Equal("foreign_encryption", Message(Assert.Single(await env.NotificationsAsync(env.Resources.ImageEventsInboxUrl))).GetProperty("reason").GetString());
        Assert.Equal(1, env.Faults.Injected);
    }

    [Fact]
    public async Task An_object_that_needs_its_uploaders_key_is_rejected_not_retried()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        const string key = "uploads/sse-c.jpg";
        var messages = await env.UploadAndReceiveAsync(key, TestImages.Jpeg(64, 48));
        // S3 answers HEAD of an SSE-C object without its key with a bare 400; moto does not enforce SSE-C.
        env.Faults.Inject((request, _) => request.Method == HttpMethod.Head && request.RequestUri!.AbsolutePath.EndsWith("/sse-c.jpg", StringComparison.Ordinal),
            times: 1, () => new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest));

        var response = await env.InvokeAsync(messages);

        Assert.Empty(response.BatchItemFailures);
        var record = Assert.Single(await env.RecordsAsync(key));
        Assert.Equal(("rejected", "foreign_encryption"), (record["status"].S, record["reason"].S));
        Assert.Contains("SSE-C", record["message"].S, StringComparison.Ordinal);
        Assert.DoesNotContain(env.Faults.Requests, request => request.StartsWith("GET", StringComparison.Ordinal) && request.Contains("sse-c.jpg", StringComparison.Ordinal) && !request.Contains("tagging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_archived_object_is_rejected_before_it_is_read()
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        const string key = "uploads/archived.jpg";
        await env.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = env.Resources.Bucket,
            Key = key,
            InputStream = new MemoryStream(TestImages.Jpeg(64, 48)),
            StorageClass = S3StorageClass.DeepArchive,
        });

        var response = await env.InvokeAsync(await env.ReceiveUploadMessagesAsync(1));

        Assert.Empty(response.BatchItemFailures);
        var record = Assert.Single(await env.RecordsAsync(key));
        Assert.Equal(("rejected", "archived_object"), (record["status"].S, record["reason"].S));
        // Tagged (the emulator will not read an archived object's tags back), and never read.
        Assert.Contains(env.Faults.Requests, request => request.StartsWith("PUT", StringComparison.Ordinal) && request.Contains("archived.jpg?tagging", StringComparison.Ordinal));
        Assert.DoesNotContain(env.Faults.Requests, request => request.StartsWith("GET", StringComparison.Ordinal) && request.Contains("archived.jpg", StringComparison.Ordinal) && !request.Contains("tagging", StringComparison.Ordinal));
    }

    private static async Task AssertTaggedAsync(PipelineEnvironment env, string key, string reason)
    {
        var tags = await env.S3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = env.Resources.Bucket, Key = key });
        Assert.Contains(tags.Tagging, t => t.Key == "processing-reason" && t.Value == reason);
    }

    private static JsonElement Message(JsonElement notification) => JsonDocument.Parse(notification.GetProperty("Message").GetString()!).RootElement;
}
