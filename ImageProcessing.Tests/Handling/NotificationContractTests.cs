using ImageProcessing.Function.Handling;
using ImageProcessing.Function.Handling.Notifications;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;

namespace ImageProcessing.Tests.Handling;

/// <summary>The notification format is a public contract (docs/contracts.md): these are its exact bytes.</summary>
[Trait("Category", "unit")]
public sealed class NotificationContractTests
{
    private static readonly SourceVersion Photo = new("images", "uploads/a/photo.jpg", "v1");
    private static readonly DateTimeOffset Completed = new(2026, 11, 28, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_processed_upload_is_announced_with_its_source_and_outputs()
    {
        var record = new ImageRecord
        {
            Source = Photo,
            Status = UploadStatus.Processed,
            Description = new SourceDescription(ImageFormat.Jpeg, 4000, 3000, 2345678, "ab12"),
            Outputs = [new OutputSummary("processed/a/photo.jpg", "fit-1024", ImageFormat.Jpeg, 1024, 768, 123456)],
            CompletedAt = Completed,
        };

        var notification = Announcer.ImageEvent(record);

        Assert.Equal(NotificationTopic.ImageEvents, notification.Topic);
        Assert.Equal("Image processed", notification.Subject);
        Assert.Equal(
            "{\"eventId\":\"" + Photo.EventId + "\",\"type\":\"image.processed\",\"status\":\"processed\",\"bucket\":\"images\"," +
            "\"sourceKey\":\"uploads/a/photo.jpg\",\"sourceVersion\":\"v1\"," +
            "\"source\":{\"format\":\"jpeg\",\"width\":4000,\"height\":3000,\"bytes\":2345678,\"sha256\":\"ab12\"}," +
            "\"outputs\":[{\"key\":\"processed/a/photo.jpg\",\"rendition\":\"fit-1024\",\"format\":\"jpeg\",\"width\":1024,\"height\":768,\"bytes\":123456}]," +
            "\"completedAt\":\"2026-11-28T17:00:00+00:00\"}",
            notification.Body);
        Assert.Equal(
            new Dictionary<string, string> { ["status"] = "processed", ["eventId"] = Photo.EventId, ["type"] = "image.processed" },
            notification.Attributes);
    }

    [Fact]
    public void A_rejected_upload_is_announced_with_its_reason()
    {
        var record = new ImageRecord
        {
            Source = Photo,
            Status = UploadStatus.Rejected,
            Reason = "unsupported_format",
            Message = "the file is a GIF image; only JPEG, PNG and WebP are accepted",
            Description = SourceDescription.OfSize(42),
            CompletedAt = Completed,
        };

        var notification = Announcer.ImageEvent(record);

        Assert.Equal(
            "{\"eventId\":\"" + Photo.EventId + "\",\"type\":\"image.rejected\",\"status\":\"rejected\",\"reason\":\"unsupported_format\"," +
            "\"message\":\"the file is a GIF image; only JPEG, PNG and WebP are accepted\",\"bucket\":\"images\"," +
            "\"sourceKey\":\"uploads/a/photo.jpg\",\"sourceVersion\":\"v1\",\"source\":{\"bytes\":42},\"outputs\":[]," +
            "\"completedAt\":\"2026-11-28T17:00:00+00:00\"}",
            notification.Body);
        Assert.Equal("unsupported_format", notification.Attributes["reason"]);
        Assert.Equal(NotificationTopic.ImageEvents, notification.Topic);
    }

    [Fact]
    public void A_security_alert_is_published_as_its_json_on_the_alert_topic()
    {
        var alert = AlertPolicy.ForForeignBucket("other", "uploads/x.jpg", "images", "message-1");

        var notification = Announcer.Alert(alert);

        Assert.Equal((NotificationTopic.SecurityAlerts, "Event for an unexpected bucket refused"), (notification.Topic, notification.Subject));
        Assert.Equal(
            "{\"eventId\":\"" + alert.EventId + "\",\"kind\":\"foreign-bucket\",\"summary\":\"Event for an unexpected bucket refused\"," +
            "\"bucket\":\"other\",\"key\":\"uploads/x.jpg\",\"detail\":\"the function only processes bucket \\u0027images\\u0027\"}",
            notification.Body);
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "foreign-bucket", ["eventId"] = alert.EventId }, notification.Attributes);
    }

    [Fact]
    public void An_event_for_another_bucket_is_alerted_once_per_delivery()
    {
        var first = AlertPolicy.ForForeignBucket("other", "uploads/x.jpg", "images", "message-1");
        var second = AlertPolicy.ForForeignBucket("other", "uploads/x.jpg", "images", "message-2");

        Assert.Equal((AlertPolicy.ForeignBucket, "other", "uploads/x.jpg"), (first.Kind, first.Bucket, first.Key));
        Assert.Equal("the function only processes bucket 'images'", first.Detail);
        Assert.NotEqual(first.EventId, second.EventId);
        Assert.DoesNotContain("reason", Announcer.Alert(first).Attributes.Keys);
    }

    [Theory]
    [InlineData("Image processed", "Image processed")]
    [InlineData("Upload rejected: größe\n", "Upload rejected: gr??e?")]
    public void Subjects_are_printable_ascii(string subject, string sent) =>
        Assert.Equal(sent, ImageProcessing.Function.Aws.SnsNotificationPublisher.ToSubject(subject));

    [Fact]
    public void Subjects_are_fewer_than_100_characters() =>
        Assert.Equal(99, ImageProcessing.Function.Aws.SnsNotificationPublisher.ToSubject(new string('s', 300)).Length);
}
