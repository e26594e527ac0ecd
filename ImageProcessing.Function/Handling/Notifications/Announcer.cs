using System.Text.Json;
using ImageProcessing.Function.Handling.Ports;
using ImageProcessing.Function.Processing;

namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>
/// Turns verdicts and alerts into notifications: the image event every verdict gets, with <c>status</c>,
/// <c>type</c>, <c>reason</c> and <c>eventId</c> attributes (subscriptions can filter on them), and the
/// security alerts <see cref="AlertPolicy"/> raises.
/// </summary>
public sealed class Announcer(INotificationPublisher publisher)
{
    public Task AnnounceAsync(ImageRecord record, CancellationToken cancellationToken) =>
        publisher.PublishAsync(ImageEvent(record), cancellationToken);

    public Task AlertAsync(SecurityAlert alert, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Alert(alert), cancellationToken);

    internal static Notification ImageEvent(ImageRecord record)
    {
        var message = ImageEventMessage.From(record);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["status"] = message.Status,
            ["eventId"] = message.EventId,
            ["type"] = message.Type,
        };
        if (record.Reason is not null)
        {
            attributes["reason"] = record.Reason;
        }

        return new Notification(NotificationTopic.ImageEvents, $"Image {record.Status.Name()}",
            JsonSerializer.Serialize(message, NotificationJsonContext.Default.ImageEventMessage), attributes);
    }

    internal static Notification Alert(SecurityAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = alert.Kind, ["eventId"] = alert.EventId };
        if (alert.Reason is not null)
        {
            attributes["reason"] = alert.Reason;
        }

        return new Notification(NotificationTopic.SecurityAlerts, alert.Summary,
            JsonSerializer.Serialize(alert, NotificationJsonContext.Default.SecurityAlert), attributes);
    }
}
