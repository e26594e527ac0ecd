using ImageProcessing.Function.Aws.Sns;
using ImageProcessing.Function.Handling.Notifications;
using ImageProcessing.Function.Handling.Ports;
using ImageProcessing.Function.Telemetry;

namespace ImageProcessing.Function.Aws;

/// <summary>Publishes notifications to the topic each one names, within SNS's rules for subjects.</summary>
public sealed class SnsNotificationPublisher(ISnsPublisher sns, string imageEventsTopicArn, string securityAlertsTopicArn) : INotificationPublisher
{
    public async Task PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var topicArn = notification.Topic switch
        {
            NotificationTopic.ImageEvents => imageEventsTopicArn,
            NotificationTopic.SecurityAlerts => securityAlertsTopicArn,
            _ => throw new ArgumentOutOfRangeException(nameof(notification), notification.Topic, "unknown topic"),
        };
        using var activity = FunctionTelemetry.StartClient("SNS Publish", "SNS", "Publish");
        activity?.SetTag("messaging.destination.name", topicArn);
        await sns.PublishAsync(new SnsPublishRequest(topicArn, notification.Body, ToSubject(notification.Subject), notification.Attributes), cancellationToken);
    }

    /// <summary>SNS subjects are printable ASCII on one line and "less than 100 characters long" (API_Publish).</summary>
    internal static string ToSubject(string text)
    {
        const int MaxLength = 99;
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return ascii.Length <= MaxLength ? ascii : ascii[..MaxLength];
    }
}
