namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>Where a notification goes; the publisher maps each topic to its deployed ARN.</summary>
public enum NotificationTopic
{
    /// <summary>Every final verdict, for subscribers of the pipeline's results.</summary>
    ImageEvents,

    /// <summary>What the security team should see (<see cref="AlertPolicy"/>).</summary>
    SecurityAlerts,
}
