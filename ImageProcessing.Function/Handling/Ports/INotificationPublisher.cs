using ImageProcessing.Function.Handling.Notifications;

namespace ImageProcessing.Function.Handling.Ports;

/// <summary>Delivers a notification to the topic it names. Throws on failure; the message is then retried.</summary>
public interface INotificationPublisher
{
    Task PublishAsync(Notification notification, CancellationToken cancellationToken);
}
