using System.Globalization;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using ImageProcessing.Function.Events;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Operations.Operator;

/// <summary>
/// Sends every upload under a prefix through the pipeline again: one S3 event notification per object, as S3 sends
/// it, on the upload queue. The function then does the work again where its rules changed since the record was made,
/// and treats the rest as duplicates (no work, no second notification).
/// </summary>
public sealed partial class ReprocessOperation(IAmazonS3 s3, IAmazonSQS sqs, ILogger logger)
{
    /// <summary>SQS's most messages per send call.</summary>
    private const int BatchSize = 10;

    /// <summary>The message attribute that tells a reprocessing apart from S3's own notifications in the queue.</summary>
    public const string OriginAttribute = "origin";

    /// <param name="inputPrefix">The pipeline's upload prefix (<c>uploads/</c>): only keys under it are processed.</param>
    /// <param name="prefix">Under the upload prefix, with or without it (<c>a/</c> and <c>uploads/a/</c> are one); empty for all.</param>
    public async Task<OperationResult> ReprocessAsync(
        string bucket, string inputPrefix, string prefix, string uploadQueueUrl, string region, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(uploadQueueUrl);
        ArgumentNullException.ThrowIfNull(inputPrefix);
        var keyPrefix = KeyPrefix(inputPrefix, prefix ?? string.Empty);
        using var activity = OperationsTelemetry.Start("reprocess", $"s3://{bucket}/{keyPrefix}");
        var queued = 0;
        var batch = new List<S3Object>(BatchSize);
        var pages = s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = bucket, Prefix = keyPrefix });
        await foreach (var entry in pages.S3Objects.WithCancellation(cancellationToken))
        {
            batch.Add(entry);
            if (batch.Count < BatchSize)
            {
                continue;
            }

            if (await SendAsync(bucket, region, uploadQueueUrl, batch, cancellationToken) is { } refusal)
            {
                return activity.Finish(Stopped(queued, refusal));
            }

            queued += batch.Count;
            batch.Clear();
        }

        if (batch.Count > 0)
        {
            if (await SendAsync(bucket, region, uploadQueueUrl, batch, cancellationToken) is { } refusal)
            {
                return activity.Finish(Stopped(queued, refusal));
            }

            queued += batch.Count;
        }

        if (queued == 0)
        {
            return activity.Finish(OperationResult.Refused($"No uploads under '{keyPrefix}' in {bucket}: nothing to reprocess."));
        }

        LogQueued(logger, queued, bucket, keyPrefix);
        return activity.Finish(OperationResult.Done(queued,
            $"Queued {OperationResult.Quantity(queued, "upload")} under '{keyPrefix}' in {bucket}. Those whose rules changed since their record are " +
            "processed again and announced; the others are duplicates: no work, no second notification."));
    }

    /// <summary>The full key prefix: under the upload prefix whether or not the caller wrote it.</summary>
    public static string KeyPrefix(string inputPrefix, string prefix)
    {
        ArgumentNullException.ThrowIfNull(inputPrefix);
        ArgumentNullException.ThrowIfNull(prefix);
        var trimmed = prefix.Trim().TrimStart('/');
        return trimmed.StartsWith(inputPrefix, StringComparison.Ordinal) ? trimmed : inputPrefix + trimmed;
    }

    /// <summary>The notification S3 sends for a new object (event version 2.1), for a listed object.</summary>
    public static string EventFor(string bucket, string region, S3Object entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new S3EventRecord("2.1", "aws:s3", region, now, "ObjectCreated:Put", new S3Entity(
            new S3BucketEntity(bucket, "arn:aws:s3:::" + bucket),
            new S3ObjectEntity(S3Keys.Encode(entry.Key), entry.Size, entry.ETag?.Trim('"'), null, null)));
        return JsonSerializer.Serialize(new S3EventNotification([record], null), EventJsonContext.Default.S3EventNotification);
    }

    private static OperationResult Stopped(int queued, string refusal) =>
        new(false, queued, $"Queued {OperationResult.Quantity(queued, "upload")}, then the upload queue refused the next batch ({refusal}); run the command again to finish.");

    /// <returns>Null when the queue took every message; otherwise its reason for refusing.</returns>
    private async Task<string?> SendAsync(string bucket, string region, string queueUrl, List<S3Object> objects, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. objects.Select((entry, index) => new SendMessageBatchRequestEntry
            {
                Id = index.ToString(CultureInfo.InvariantCulture),
                MessageBody = EventFor(bucket, region, entry, now),
                MessageAttributes = new() { [OriginAttribute] = new MessageAttributeValue { DataType = "String", StringValue = "reprocess" } },
            })],
        }, cancellationToken);
        return response.Failed is { Count: > 0 } failed ? failed[0].Message ?? failed[0].Code : null;
    }

    [LoggerMessage(1, LogLevel.Information, "Reprocess queued {Count} uploads under s3://{Bucket}/{Prefix}")]
    private static partial void LogQueued(ILogger logger, int count, string bucket, string prefix);
}
