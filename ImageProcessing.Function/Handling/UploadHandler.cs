using System.Diagnostics;
using ImageProcessing.Function.Configuration;
using ImageProcessing.Function.Events;
using ImageProcessing.Function.Handling.Notifications;
using ImageProcessing.Function.Handling.Ports;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Telemetry;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.Function.Handling;

/// <summary>
/// Handles one S3 event record end to end: guards, idempotency, read, validate and process, write
/// outputs, record, announce. Exceptions mean "retry": the batch handler reports the message as failed.
/// </summary>
public sealed class UploadHandler(
    FunctionSettings settings,
    ImageProcessor processor,
    IObjectStore objects,
    IRecordStore records,
    Announcer announcer,
    ILogger<UploadHandler> logger,
    TimeProvider time)
{
    public async Task<UploadOutcome> HandleAsync(S3EventRecord record, InvocationInfo invocation, CancellationToken cancellationToken)
    {
        var bucket = record.S3?.Bucket?.Name;
        var encodedKey = record.S3?.S3Object?.Key;
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(encodedKey))
        {
            throw new MalformedEventException("the S3 event record has no bucket name or object key");
        }

        var key = S3Keys.Decode(encodedKey);
        if (record.EventName is { } name && !name.StartsWith("ObjectCreated:", StringComparison.Ordinal))
        {
            return Skip(key, $"not an object-created event ({name})", invocation);
        }

        if (!string.Equals(bucket, settings.ImagesBucket, StringComparison.Ordinal))
        {
            return await RefuseBucketAsync(bucket, key, invocation, cancellationToken);
        }

        if (!settings.Layout.IsUpload(key))
        {
            return Skip(key, $"outside the input prefix '{settings.Layout.InputPrefix}'", invocation);
        }

        var head = await objects.HeadAsync(bucket, key, record.S3!.S3Object!.VersionId, cancellationToken);
        if (head is null)
        {
            return Skip(key, "the object no longer exists", invocation);
        }

        using var activity = StartUploadActivity(head, invocation);
        // An object S3 will not describe (SSE-C) is still named by the version or ETag its event carries.
        var version = head.VersionId ?? NonEmpty(head.ETag.Trim('"')) ?? NonEmpty(record.S3.S3Object.ETag?.Trim('"')) ?? invocation.MessageId;
        var source = new SourceVersion(bucket, key, version);
        var existing = await records.GetAsync(source, cancellationToken);
        var rules = settings.Rules.Fingerprint;
        if (existing is { Status: var status } && status.IsFinal() && existing.RulesFingerprint == rules)
        {
            await AnnounceOnceAsync(existing, cancellationToken);
            return Skip(key, "already " + status.Name(), invocation, UploadStatus.Duplicate);
        }

        // No record, one in progress, or a verdict under other rules (a reprocessing): do the work.
        var now = time.GetUtcNow();
        var context = new RecordContext(invocation.RequestId, 0, existing?.ReceivedAt ?? now, now,
            now.AddDays(settings.RecordRetentionDays).ToUnixTimeSeconds(), rules);
        if (await records.StartAttemptAsync(source, context, cancellationToken) is not { } attempt)
        {
            return Skip(key, "finished by a concurrent delivery", invocation, UploadStatus.Duplicate);
        }

        var result = await ReadAndProcessAsync(record.S3.S3Object.Size, head, cancellationToken);
        if (result is null)
        {
            return Skip(key, "the object was deleted or replaced while being processed", invocation);
        }

        activity?.SetTag("image.sha256_source", head.Sha256 is null ? "computed" : "s3_checksum");
        activity?.SetTag("image.status", result.Status.Name());
        activity?.SetTag("image.reason", result.Rejection?.Code);
        await StoreAsync(head, result, cancellationToken);
        var final = ImageRecord.From(source, result, context with { Attempt = attempt, Now = time.GetUtcNow() });
        if (!await records.CompleteAsync(final, cancellationToken))
        {
            return Skip(key, "finished by a concurrent delivery", invocation, UploadStatus.Duplicate);
        }

        await AnnounceOnceAsync(final, cancellationToken);
        Log.Outcome(logger, key, final.Status.Name(), final.Reason, final.DurationMs ?? 0, invocation.MessageId, invocation.ReceiveCount);
        return new UploadOutcome(key, final.Status, final.Reason, result.Elapsed.TotalMilliseconds);
    }

    /// <summary>Null when the object disappeared or was replaced between HEAD and GET.</summary>
    private async Task<ProcessingResult?> ReadAndProcessAsync(long? eventSize, StoredObject head, CancellationToken cancellationToken)
    {
        if (ReadPolicy.Check(head, settings.KmsKeyId) is { } unreadable)
        {
            return ProcessingResult.Rejected(head.Key, SourceDescription.OfSize(eventSize ?? head.ContentLength), unreadable, TimeSpan.Zero);
        }

        // The size in the event and the size S3 reports are both checked before any byte is read.
        if (processor.RejectDeclaredSize(head.Key, eventSize) is { } tooLargeInEvent)
        {
            return tooLargeInEvent;
        }

        if (processor.RejectDeclaredSize(head.Key, head.ContentLength) is { } tooLargeInStorage)
        {
            return tooLargeInStorage;
        }

        if (await objects.ReadAsync(head, processor.Limits.MaxBytes, cancellationToken) is not var (content, bytesRead))
        {
            return null;
        }

        FunctionTelemetry.RecordInputBytes(bytesRead);
        // S3's checksum describes the object HEAD saw, and the GET read that same version or ETag.
        return content is null ? processor.RejectBodyTooLarge(head.Key, bytesRead) : processor.Process(head.Key, content, head.Sha256);
    }

    private async Task StoreAsync(StoredObject head, ProcessingResult result, CancellationToken cancellationToken)
    {
        if (result.Status == UploadStatus.Processed)
        {
            foreach (var output in result.Outputs)
            {
                await objects.PutOutputAsync(head, output, cancellationToken);
            }
        }
        else
        {
            await objects.TagRejectedAsync(head, result.Rejection!.Code, cancellationToken);
        }
    }

    /// <summary>Publishes a final record's notifications unless a previous attempt already did (at least once).</summary>
    private async Task AnnounceOnceAsync(ImageRecord record, CancellationToken cancellationToken)
    {
        if (record.Notified)
        {
            return;
        }

        await announcer.AnnounceAsync(record, cancellationToken);
        await records.MarkNotifiedAsync(record.Source, cancellationToken);
    }

    private async Task<UploadOutcome> RefuseBucketAsync(string bucket, string key, InvocationInfo invocation, CancellationToken cancellationToken)
    {
        Log.WrongBucket(logger, bucket, key, settings.ImagesBucket, invocation.MessageId);
        await announcer.AlertAsync(AlertPolicy.ForForeignBucket(bucket, key, settings.ImagesBucket, invocation.MessageId), cancellationToken);
        return new UploadOutcome(key, UploadStatus.Refused, "foreign_bucket");
    }

    /// <summary>The cause is logged, not returned: it is free text, unfit for a metric dimension.</summary>
    private UploadOutcome Skip(string key, string cause, InvocationInfo invocation, UploadStatus status = UploadStatus.Skipped)
    {
        Log.Skipped(logger, key, cause, invocation.MessageId);
        return new UploadOutcome(key, status);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Continues the uploader's trace when the object carries a W3C traceparent, linked to the delivery's trace.</summary>
    private static Activity? StartUploadActivity(StoredObject head, InvocationInfo invocation)
    {
        var links = Activity.Current is { } delivery ? new[] { new ActivityLink(delivery.Context) } : null;
        var parent = head.Metadata.TryGetValue("traceparent", out var traceparent)
            && ActivityContext.TryParse(traceparent, head.Metadata.GetValueOrDefault("tracestate"), isRemote: true, out var uploader)
            ? uploader
            : Activity.Current?.Context ?? default;
        var activity = FunctionTelemetry.Source.StartActivity("image.upload", ActivityKind.Consumer, parent, links: links);
        activity?.SetTag("aws.s3.bucket", head.Bucket);
        activity?.SetTag("aws.s3.key", head.Key);
        activity?.SetTag("messaging.message.id", invocation.MessageId);
        return activity;
    }
}
