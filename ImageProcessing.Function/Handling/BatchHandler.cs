using System.Diagnostics;
using System.Text.Json;
using ImageProcessing.Function.Events;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Telemetry;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Function.Handling;

/// <summary>
/// Handles an SQS batch: one message's failure never fails the others. Failed messages are returned
/// as batch item failures, so SQS redelivers them and finally moves them to the dead-letter queue.
/// </summary>
public sealed class BatchHandler(UploadHandler uploads, ILogger<BatchHandler> logger)
{
    public async Task<BatchResponse> HandleAsync(SqsEvent batch, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var messages = batch.Records ?? [];
        var failures = new List<BatchItemFailure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (!seen.Add(message.MessageId))
            {
                continue; // a duplicated id in one batch is one message: handle it once, report it once
            }

            if (cancellationToken.IsCancellationRequested)
            {
                var left = messages.Skip(i).Select(m => m.MessageId).Where(seen.Add).Prepend(message.MessageId).ToList();
                Log.Cancelled(logger, left.Count);
                failures.AddRange(left.Select(id => new BatchItemFailure(id)));
                break;
            }

            if (!await HandleMessageAsync(message, requestId, cancellationToken))
            {
                failures.Add(new BatchItemFailure(message.MessageId));
            }
        }

        Log.Batch(logger, messages.Count, failures.Count);
        return new BatchResponse(failures);
    }

    /// <summary>True when the message is done with (processed, rejected or skipped); false to retry it.</summary>
    private async Task<bool> HandleMessageAsync(SqsMessage message, string requestId, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.Source.StartActivity("image.message process", ActivityKind.Consumer);
        activity?.SetTag("messaging.system", "aws_sqs");
        activity?.SetTag("messaging.message.id", message.MessageId);
        var invocation = new InvocationInfo(requestId, message.MessageId, message.ReceiveCount);
        try
        {
            var notification = Parse(message);
            if (notification.IsTestEvent)
            {
                Log.Acknowledged(logger, message.MessageId, "s3:TestEvent");
                return true;
            }

            if (notification.Records is not { Count: > 0 } records)
            {
                Log.Acknowledged(logger, message.MessageId, "the S3 event has no records");
                return true;
            }

            foreach (var record in records)
            {
                var outcome = await uploads.HandleAsync(record, invocation, cancellationToken);
                activity?.AddTag("image.status", outcome.Status.Name());
                FunctionTelemetry.RecordOutcome(outcome.Status, outcome.Reason, outcome.ElapsedMs);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            Log.MessageFailed(logger, message.MessageId, message.ReceiveCount, e.GetType().Name, e.Message, e);
            FunctionTelemetry.RecordOutcome(UploadStatus.Failed, e.GetType().Name, 0);
            return false;
        }
        catch (OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            Log.Cancelled(logger, 1);
            return false;
        }
    }

    private static S3EventNotification Parse(SqsMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.Body))
        {
            throw new MalformedEventException("the message body is empty");
        }

        try
        {
            return JsonSerializer.Deserialize(message.Body, EventJsonContext.Default.S3EventNotification)
                ?? throw new MalformedEventException("the message body is JSON null");
        }
        catch (JsonException e)
        {
            throw new MalformedEventException($"the message body is not an S3 event notification ({e.Message.Split('.')[0]})", e);
        }
    }
}
