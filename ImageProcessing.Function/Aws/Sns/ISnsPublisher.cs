namespace ImageProcessing.Function.Aws.Sns;

/// <summary>Publishes messages to Amazon SNS topics.</summary>
public interface ISnsPublisher
{
    /// <summary>Publishes one message and returns the MessageId assigned by SNS. Never retries.</summary>
    /// <exception cref="SnsException">SNS rejected the request, or it could not be sent or answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<string> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default);
}
