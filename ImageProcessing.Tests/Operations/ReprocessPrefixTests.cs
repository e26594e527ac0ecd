using ImageProcessing.Operations.Operator;

namespace ImageProcessing.Tests.Operations;

[Trait("Category", "unit")]
public sealed class ReprocessPrefixTests
{
    [Theory]
    [InlineData("", "uploads/")]
    [InlineData("a/", "uploads/a/")]
    [InlineData("uploads/a/", "uploads/a/")]
    [InlineData(" /2026/ ", "uploads/2026/")]
    [InlineData("photo", "uploads/photo")]
    public void A_prefix_is_under_the_upload_prefix_whether_or_not_it_says_so(string given, string keyPrefix) =>
        Assert.Equal(keyPrefix, ReprocessOperation.KeyPrefix("uploads/", given));

    [Fact]
    public void A_reprocessing_event_is_the_notification_S3_sends_for_a_new_object()
    {
        var body = ReprocessOperation.EventFor("images", "eu-west-1",
            new Amazon.S3.Model.S3Object { Key = "uploads/red flower+1.jpg", Size = 1234, ETag = "\"abc\"" }, DateTimeOffset.UnixEpoch);

        var record = Assert.Single(System.Text.Json.JsonSerializer.Deserialize(body, Function.Events.EventJsonContext.Default.S3EventNotification)!.Records!);
        Assert.Equal(("aws:s3", "ObjectCreated:Put", "eu-west-1"), (record.EventSource, record.EventName, record.AwsRegion));
        Assert.Equal(("images", "uploads/red+flower%2B1.jpg", 1234L, "abc"),
            (record.S3!.Bucket!.Name, record.S3.S3Object!.Key, record.S3.S3Object.Size!.Value, record.S3.S3Object.ETag));
    }
}
