namespace ImageProcessing.Function.Aws.Sns;

/// <summary>An SNS Publish call to a standard topic. Message attributes are sent with DataType <c>String</c>.</summary>
public sealed record SnsPublishRequest(
    string TopicArn,
    string Message,
    string? Subject = null,
    IReadOnlyDictionary<string, string>? MessageAttributes = null);
