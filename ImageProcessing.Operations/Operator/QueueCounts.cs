using Amazon.SQS;
using Amazon.SQS.Model;

namespace ImageProcessing.Operations.Operator;

/// <summary>SQS's approximate counts of a queue: waiting, being read, and delayed.</summary>
public sealed record QueueCounts(int Visible, int InFlight, int Delayed)
{
    public int Total => Visible + InFlight + Delayed;

    public static async Task<QueueCounts> ReadAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = queueUrl,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"],
        }, cancellationToken);
        return new(attributes.ApproximateNumberOfMessages, attributes.ApproximateNumberOfMessagesNotVisible,
            attributes.ApproximateNumberOfMessagesDelayed);
    }

    /// <summary>The queue's name, the last segment of its URL, for messages to people.</summary>
    public static string NameOf(string queueUrl) => queueUrl.TrimEnd('/')[(queueUrl.TrimEnd('/').LastIndexOf('/') + 1)..];
}
