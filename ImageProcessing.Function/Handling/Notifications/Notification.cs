namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>A message as the pipeline announces it: the JSON body, a one-line subject and filterable attributes.</summary>
public sealed record Notification(NotificationTopic Topic, string Subject, string Body, IReadOnlyDictionary<string, string> Attributes);
