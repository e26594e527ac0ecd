using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Amazon.S3;
using ImageProcessing.Function.Telemetry;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Emulator;

[Collection(MotoTestGroup.Name)]
[Trait("Category", "integration")]
public sealed class SourceDigestTests(MotoServer moto)
{
    [Theory]
    [InlineData("sha256", "s3_checksum")]
    [InlineData("sdk-default", "computed")] // the SDK sends a CRC32, which is no SHA-256
    public async Task The_record_carries_the_uploads_sha256_taken_from_s3_where_the_upload_sent_one(string checksum, string digestSource)
    {
        using var env = await PipelineEnvironment.CreateAsync(moto);
        var key = $"uploads/digest/{checksum}.jpg";
        var content = TestImages.Jpeg(300, 200);
        using var uploadSpans = new UploadSpans(key);

        await env.UploadAsync(key, content, checksum: checksum == "sha256" ? ChecksumAlgorithm.SHA256 : null);
        Assert.Empty((await env.InvokeAsync(await env.ReceiveUploadMessagesAsync(1))).BatchItemFailures);

        var record = Assert.Single(await env.RecordsAsync(key));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), record["sourceSha256"].S);
        Assert.Equal(digestSource, Assert.Single(uploadSpans.Stopped).GetTagItem("image.sha256_source"));
    }

    /// <summary>The function's <c>image.upload</c> spans of one key (tests of other keys may run meanwhile).</summary>
    private sealed class UploadSpans : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public UploadSpans(string key)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == FunctionTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == "image.upload" && Equals(activity.GetTagItem("aws.s3.key"), key))
                    {
                        _stopped.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<Activity> Stopped => _stopped;

        public void Dispose() => _listener.Dispose();
    }
}
