namespace ImageProcessing.Function.Handling.Notifications;

/// <summary>Which outcomes the security team is told about, and what each alert says.</summary>
public static class AlertPolicy
{
    public const string UploadRejected = "upload-rejected";
    public const string ForeignBucket = "foreign-bucket";

    /// <summary>Every rejected upload is an alert: a refused file may be a probe.</summary>
    public static IEnumerable<SecurityAlert> AlertsFor(ImageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status == Processing.UploadStatus.Rejected)
        {
            yield return new SecurityAlert(record.Source.EventId, UploadRejected, $"Upload rejected: {record.Reason}",
                record.Source.Bucket, record.Source.Key, record.Reason, record.Message);
        }
    }

    /// <summary>An event naming a bucket other than the function's own is never acted on, and always reported.</summary>
    /// <param name="messageId">Makes the alert's event id unique per delivery: there is no object version to name.</param>
    public static SecurityAlert ForForeignBucket(string bucket, string key, string expectedBucket, string messageId) =>
        new(new SourceVersion(bucket, key, messageId).EventId, ForeignBucket, "Event for an unexpected bucket refused",
            bucket, key, null, $"the function only processes bucket '{expectedBucket}'");
}
