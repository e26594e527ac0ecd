namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>Something the security team should see: a rejected upload or a refused event. Published as JSON as it is.</summary>
/// <param name="Kind">One of the <see cref="AlertPolicy"/> kinds.</param>
public sealed record SecurityAlert(string EventId, string Kind, string Summary, string Bucket, string Key, string? Reason, string? Detail);
