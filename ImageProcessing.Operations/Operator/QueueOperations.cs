using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Operations.Operator;

/// <summary>
/// Redrive and purge, as the runbook and the dashboard use them. They work with any SQS endpoint: the emulator or AWS
/// with the caller's credentials (which need sqs:ReceiveMessage, SendMessage, DeleteMessage, PurgeQueue,
/// GetQueueAttributes, and kms:GenerateDataKey and Decrypt on the queues' key).
/// </summary>
public sealed partial class QueueOperations(IAmazonSQS sqs, ILogger logger)
{
    /// <summary>SQS's most messages per receive, send and delete call.</summary>
    private const int BatchSize = 10;

    /// <summary>How long a moved message stays hidden in the dead-letter queue if its delete fails: then it is moved again.</summary>
    private const int MoveVisibilitySeconds = 60;

    /// <summary>
    /// Moves every message of the dead-letter queue back to the upload queue (new messages, so their receive count
    /// starts again). A message is deleted from the dead-letter queue only once the upload queue has taken it.
    /// </summary>
    public async Task<OperationResult> RedriveAsync(string deadLetterQueueUrl, string uploadQueueUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deadLetterQueueUrl);
        ArgumentException.ThrowIfNullOrEmpty(uploadQueueUrl);
        using var activity = OperationsTelemetry.Start("redrive", deadLetterQueueUrl);
        var (from, to) = (QueueCounts.NameOf(deadLetterQueueUrl), QueueCounts.NameOf(uploadQueueUrl));
        var moved = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            // A one-second long poll asks every SQS server; a short poll may answer "empty" while messages wait.
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = deadLetterQueueUrl,
                MaxNumberOfMessages = BatchSize,
                WaitTimeSeconds = 1,
                VisibilityTimeout = MoveVisibilitySeconds,
                MessageAttributeNames = ["All"],
            }, cancellationToken);
            if (received.Messages is not { Count: > 0 } messages)
            {
                break;
            }

            var sent = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = uploadQueueUrl,
                Entries = [.. messages.Select((message, index) => new SendMessageBatchRequestEntry
                {
                    Id = index.ToString(CultureInfo.InvariantCulture),
                    MessageBody = message.Body,
                    MessageAttributes = message.MessageAttributes is { Count: > 0 } attributes ? attributes : null,
                })],
            }, cancellationToken);
            var taken = (sent.Successful ?? []).Select(entry => messages[int.Parse(entry.Id, CultureInfo.InvariantCulture)]).ToList();
            if (taken.Count > 0)
            {
                await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
                {
                    QueueUrl = deadLetterQueueUrl,
                    Entries = [.. taken.Select((message, index) => new DeleteMessageBatchRequestEntry
                    {
                        Id = index.ToString(CultureInfo.InvariantCulture),
                        ReceiptHandle = message.ReceiptHandle,
                    })],
                }, cancellationToken);
            }

            moved += taken.Count;
            if (sent.Failed is { Count: > 0 } failed)
            {
                var reason = failed[0].Message ?? failed[0].Code;
                LogRedriveStopped(logger, from, to, moved, failed.Count, reason);
                return activity.Finish(new OperationResult(false, moved,
                    $"Moved {OperationResult.Quantity(moved, "message")} from {from} to {to}, then {to} refused {failed.Count} ({reason}); they stay in {from}."));
            }
        }

        if (moved == 0)
        {
            var counts = await QueueCounts.ReadAsync(sqs, deadLetterQueueUrl, cancellationToken);
            var inFlight = counts.InFlight > 0 ? $"; {counts.InFlight} are being read and return when their visibility timeout ends" : string.Empty;
            return activity.Finish(OperationResult.Refused($"The dead-letter queue {from} has no messages to redrive{inFlight}."));
        }

        LogRedriven(logger, moved, from, to);
        return activity.Finish(OperationResult.Done(moved, $"Moved {OperationResult.Quantity(moved, "message")} from {from} back to {to}."));
    }

    /// <summary>Deletes every message of the queue. The uploads stay in the bucket: reprocessing runs them again.</summary>
    public async Task<OperationResult> PurgeAsync(string queueUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueUrl);
        using var activity = OperationsTelemetry.Start("purge", queueUrl);
        var name = QueueCounts.NameOf(queueUrl);
        var counts = await QueueCounts.ReadAsync(sqs, queueUrl, cancellationToken);
        if (counts.Total == 0)
        {
            return activity.Finish(OperationResult.Refused($"The queue {name} is empty: nothing to purge."));
        }

        try
        {
            await sqs.PurgeQueueAsync(new PurgeQueueRequest { QueueUrl = queueUrl }, cancellationToken);
        }
        catch (PurgeQueueInProgressException)
        {
            return activity.Finish(OperationResult.Refused($"A purge of {name} is already under way; SQS allows one purge of a queue every 60 seconds."));
        }

        LogPurged(logger, name, counts.Total);
        return activity.Finish(OperationResult.Done(counts.Total,
            $"Purged {name}: about {OperationResult.Quantity(counts.Total, "message")} deleted (SQS's counts are approximate and a purge takes up to 60 seconds). " +
            "Their uploads are still in the bucket; Reprocess uploads runs them again."));
    }

    [LoggerMessage(1, LogLevel.Warning, "Redrive moved {Moved} messages from {From} to {To}, then the target refused {Refused}: {Reason}")]
    private static partial void LogRedriveStopped(ILogger logger, string from, string to, int moved, int refused, string reason);

    [LoggerMessage(2, LogLevel.Information, "Redrive moved {Moved} messages from {From} to {To}")]
    private static partial void LogRedriven(ILogger logger, int moved, string from, string to);

    [LoggerMessage(3, LogLevel.Warning, "Purged {Queue}: about {Count} messages deleted")]
    private static partial void LogPurged(ILogger logger, string queue, int count);
}
