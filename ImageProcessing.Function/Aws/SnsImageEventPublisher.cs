using System.Text.Json;
using ImageProcessing.Function.Aws.Sns;
using ImageProcessing.Function.Handling;
using ImageProcessing.Function.Telemetry;

namespace ImageProcessing.Function.Aws;

/// <summary>
/// Publishes outcomes to the image-events topic with <c>status</c>, <c>reason</c> and <c>eventId</c>
/// message attributes (subscriptions can filter on them), and alerts to the security-alerts topic.
/// </summary>
public sealed class SnsImageEventPublisher(ISnsPublisher sns, string imageEventsTopicArn, string securityAlertsTopicArn) : IImageEventPublisher
{
    public async Task PublishOutcomeAsync(ImageRecord record, CancellationToken cancellationToken)
    {
        var message = ImageEventMessage.From(record);
        var attributes = new Dictionary<string, string>
        {
            ["status"] = record.Status,
            ["eventId"] = message.EventId,
            ["type"] = message.Type,
        };
        if (record.Reason is not null)
        {
            attributes["reason"] = record.Reason;
        }

        await PublishAsync(imageEventsTopicArn, JsonSerializer.Serialize(message, NotificationJsonContext.Default.ImageEventMessage),
            $"Image {record.Status}", attributes, cancellationToken);

        if (record.Status == RecordStatus.Rejected)
        {
            var alert = new SecurityAlert("upload-rejected", $"Upload rejected: {record.Reason}", record.Source.Bucket, record.Source.Key,
                record.Reason, record.Message, message.EventId);
            await PublishSecurityAlertAsync(alert, cancellationToken);
        }
    }

    public Task PublishSecurityAlertAsync(SecurityAlert alert, CancellationToken cancellationToken)
    {
        var attributes = new Dictionary<string, string> { ["kind"] = alert.Kind, ["eventId"] = alert.EventId };
        if (alert.Reason is not null)
        {
            attributes["reason"] = alert.Reason;
        }

        return PublishAsync(securityAlertsTopicArn, JsonSerializer.Serialize(SecurityAlertMessage.From(alert), NotificationJsonContext.Default.SecurityAlertMessage),
            alert.Summary, attributes, cancellationToken);
    }

    private async Task PublishAsync(string topicArn, string message, string subject, Dictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("SNS Publish", "SNS", "Publish");
        activity?.SetTag("messaging.destination.name", topicArn);
        await sns.PublishAsync(new SnsPublishRequest(topicArn, message, ToSubject(subject), attributes), cancellationToken);
    }

    /// <summary>SNS subjects are ASCII, single-line and at most 100 characters.</summary>
    private static string ToSubject(string text)
    {
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return ascii.Length <= 100 ? ascii : ascii[..100];
    }
}
