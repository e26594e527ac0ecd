namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>
/// Which outcomes the security team is told about one by one. A rejected upload is not: any uploader could flood
/// the alert topic. Rejections are announced on the image-events topic, counted as a metric, and a rejection-rate
/// alarm is the security signal.
/// </summary>
public static class AlertPolicy
{
    public const string ForeignBucket = "foreign-bucket";

    /// <summary>An event naming a bucket other than the function's own is never acted on, and always reported.</summary>
    /// <param name="messageId">Makes the alert's event id unique per delivery: there is no object version to name.</param>
    public static SecurityAlert ForForeignBucket(string bucket, string key, string expectedBucket, string messageId) =>
        new(new SourceVersion(bucket, key, messageId).EventId, ForeignBucket, "Event for an unexpected bucket refused",
            bucket, key, null, $"the function only processes bucket '{expectedBucket}'");
}
