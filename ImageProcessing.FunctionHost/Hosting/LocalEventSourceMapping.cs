using System.Diagnostics;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using ImageProcessing.Function;
using ImageProcessing.Function.Events;
using Microsoft.Extensions.Options;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>
/// Plays the Lambda service's SQS event source mapping on a developer machine: long-polls the upload
/// queue, gathers a batch within the batching window, invokes the function with the JSON Lambda would
/// send and a per-invocation timeout, then deletes the messages that succeeded. Reported batch item
/// failures stay on the queue for redelivery and reach the dead-letter queue after the max receive count.
/// On shutdown the receive loop stops, but a batch in flight is finished and settled first.
/// </summary>
public sealed partial class LocalEventSourceMapping(
    FunctionApp function,
    IAmazonSQS sqs,
    LocalPipeline pipeline,
    IOptions<EventSourceOptions> options,
    ILogger<LocalEventSourceMapping> logger) : BackgroundService
{
    public static readonly ActivitySource Source = new("ImageProcessing.FunctionHost");

    private readonly EventSourceOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, pipeline.Resources.UploadQueueUrl, _options.BatchSize, _options.FunctionTimeoutSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            List<Message> batch;
            try
            {
                batch = await ReceiveBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (AmazonSQSException e)
            {
                LogReceiveFailed(logger, e.Message, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                continue;
            }

            if (batch.Count > 0)
            {
                // Not cancelled by shutdown: a batch that was received is always invoked and settled.
                await InvokeAsync(batch);
            }
        }
    }

    private async Task<List<Message>> ReceiveBatchAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Message>();
        var windowEnds = DateTime.UtcNow;
        while (batch.Count < _options.BatchSize)
        {
            var waitSeconds = batch.Count == 0
                ? _options.WaitTimeSeconds
                : (int)Math.Ceiling(Math.Max(0, (windowEnds - DateTime.UtcNow).TotalSeconds));
            if (batch.Count > 0 && waitSeconds == 0)
            {
                break;
            }

            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = pipeline.Resources.UploadQueueUrl,
                MaxNumberOfMessages = Math.Min(10, _options.BatchSize - batch.Count),
                WaitTimeSeconds = waitSeconds,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            }, stoppingToken);
            if (response.Messages is not { Count: > 0 } messages)
            {
                if (batch.Count == 0)
                {
                    continue;
                }

                break;
            }

            if (batch.Count == 0)
            {
                windowEnds = DateTime.UtcNow.AddSeconds(_options.MaximumBatchingWindowSeconds);
            }

            batch.AddRange(messages);
        }

        return batch;
    }

    private async Task InvokeAsync(List<Message> batch)
    {
        var requestId = Guid.NewGuid().ToString();
        using var activity = Source.StartActivity("lambda invoke " + pipeline.Settings.Names.UploadQueue, ActivityKind.Consumer);
        activity?.SetTag("faas.invocation_id", requestId);
        activity?.SetTag("messaging.batch.message_count", batch.Count);
        var payload = JsonSerializer.SerializeToUtf8Bytes(ToLambdaEvent(batch), EventJsonContext.Default.SqsEvent);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.FunctionTimeoutSeconds));
        BatchResponse response;
        try
        {
            await using var output = await function.HandleAsync(new MemoryStream(payload), requestId, timeout.Token);
            response = await JsonSerializer.DeserializeAsync(output, EventJsonContext.Default.BatchResponse)
                ?? new BatchResponse([]);
        }
        catch (Exception e)
        {
            // A failed invocation settles nothing: every message of the batch is redelivered, as in Lambda.
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            LogInvocationFailed(logger, requestId, batch.Count, e.Message, e);
            return;
        }

        var failed = response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
        var succeeded = batch.Where(m => !failed.Contains(m.MessageId)).ToList();
        await DeleteAsync(succeeded);
        if (_options.RetryDelaySeconds is { } delay)
        {
            await ReleaseAsync(batch.Where(m => failed.Contains(m.MessageId)), delay);
        }
        LogInvoked(logger, requestId, batch.Count, failed.Count);
    }

    private async Task DeleteAsync(List<Message> messages)
    {
        foreach (var chunk in messages.Chunk(10))
        {
            var result = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
            {
                QueueUrl = pipeline.Resources.UploadQueueUrl,
                Entries = [.. chunk.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle))],
            }, CancellationToken.None);
            foreach (var failure in result.Failed ?? [])
            {
                LogDeleteFailed(logger, failure.Id, failure.Message);
            }
        }
    }

    private async Task ReleaseAsync(IEnumerable<Message> messages, int delaySeconds)
    {
        foreach (var message in messages)
        {
            await sqs.ChangeMessageVisibilityAsync(pipeline.Resources.UploadQueueUrl, message.ReceiptHandle, delaySeconds, CancellationToken.None);
        }
    }

    private SqsEvent ToLambdaEvent(List<Message> batch) => new([.. batch.Select(m => new SqsMessage(
        m.MessageId,
        m.ReceiptHandle,
        m.Body,
        m.Attributes ?? [],
        m.MessageAttributes?.ToDictionary(a => a.Key, a => new SqsMessageAttributeValue(a.Value.StringValue, a.Value.DataType)),
        pipeline.Resources.UploadQueueArn,
        pipeline.Resources.Region))]);

    [LoggerMessage(1, LogLevel.Information, "Polling {QueueUrl}: batches of up to {BatchSize}, {Timeout} s per invocation")]
    private static partial void LogStarted(ILogger logger, string queueUrl, int batchSize, int timeout);

    [LoggerMessage(2, LogLevel.Information, "Invocation {RequestId}: {Count} messages, {Failed} left for redelivery")]
    private static partial void LogInvoked(ILogger logger, string requestId, int count, int failed);

    [LoggerMessage(3, LogLevel.Error, "Invocation {RequestId} failed; all {Count} messages will be redelivered: {Error}")]
    private static partial void LogInvocationFailed(ILogger logger, string requestId, int count, string error, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Receiving from the upload queue failed: {Error}")]
    private static partial void LogReceiveFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Deleting message {Id} failed: {Error}")]
    private static partial void LogDeleteFailed(ILogger logger, string id, string error);
}
