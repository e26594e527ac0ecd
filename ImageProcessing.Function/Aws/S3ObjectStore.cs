using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using ImageProcessing.Function.Handling.Ports;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Telemetry;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Function.Aws;

/// <summary>The upload bucket over the AWS SDK's S3 client.</summary>
public sealed class S3ObjectStore(IAmazonS3 s3, string kmsKeyId) : IObjectStore
{
    public const string StatusTag = "processing-status";
    public const string ReasonTag = "processing-reason";

    public async Task<StoredObject?> HeadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        try
        {
            return await HeadAsync(bucket, key, versionId, withChecksum: true, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            // S3 gives an SSE-KMS object's checksum only to a caller that may decrypt with its key. Described without
            // it, an object under another key gets the read policy's verdict; any other refusal comes back again.
            return await HeadAsync(bucket, key, versionId, withChecksum: false, cancellationToken);
        }
    }

    private async Task<StoredObject?> HeadAsync(string bucket, string key, string? versionId, bool withChecksum, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("S3 HeadObject", "S3", "HeadObject");
        try
        {
            var response = await s3.GetObjectMetadataAsync(
                new GetObjectMetadataRequest
                {
                    BucketName = bucket, Key = key, VersionId = versionId, ChecksumMode = withChecksum ? ChecksumMode.ENABLED : null,
                },
                cancellationToken);
            var metadata = response.Metadata.Keys.ToDictionary(
                name => name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name["x-amz-meta-".Length..] : name,
                name => response.Metadata[name],
                StringComparer.OrdinalIgnoreCase);
            var archived = (response.StorageClass == S3StorageClass.Glacier || response.StorageClass == S3StorageClass.DeepArchive
                    || response.ArchiveStatus is not null)
                && response.RestoreExpiration is null;
            return new StoredObject(bucket, key, response.ContentLength, NullIfEmpty(response.VersionId), response.ETag ?? string.Empty, metadata,
                NullIfEmpty(response.ServerSideEncryptionKeyManagementServiceKeyId), IsArchived: archived,
                Sha256: S3Checksum.FullObjectSha256(response.ChecksumSHA256, response.ChecksumType));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            // HEAD of an SSE-C object without its key is answered 400 (no body: HEAD has none); nothing else about it can be read.
            return new StoredObject(bucket, key, 0, versionId, string.Empty, new Dictionary<string, string>(), NeedsCustomerKey: true);
        }
    }

    public async Task<(byte[]? Content, long BytesRead)?> ReadAsync(StoredObject source, long maxBytes, CancellationToken cancellationToken)
    {
        if (source.ContentLength == 0)
        {
            return ([], 0); // a range request on an empty object is refused with 416
        }

        using var activity = FunctionTelemetry.StartClient("S3 GetObject", "S3", "GetObject");
        var request = new GetObjectRequest
        {
            BucketName = source.Bucket,
            Key = source.Key,
            VersionId = source.VersionId,
            // Unversioned: make sure the bytes are the ones HEAD described, not a later upload.
            EtagToMatch = source.VersionId is null ? source.ETag : null,
            // Never let S3 send more than the limit + 1 bytes, whatever the object's real size.
            ByteRange = new ByteRange(0, maxBytes),
        };
        try
        {
            using var response = await s3.GetObjectAsync(request, cancellationToken);
            var result = await BoundedReader.ReadAsync(response.ResponseStream, maxBytes, response.ContentLength, cancellationToken);
            activity?.SetTag("image.bytes_read", result.BytesRead);
            return result;
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
        {
            return null;
        }
    }

    public async Task PutOutputAsync(StoredObject source, ProcessedOutput output, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("S3 PutObject", "S3", "PutObject");
        activity?.SetTag("image.rendition", output.Rendition);
        using var body = new MemoryStream(output.Image.Content, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = source.Bucket,
            Key = output.Key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = output.Image.Format.ContentType(),
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
        };
        foreach (var (name, value) in OutputMetadata.For(source, output))
        {
            request.Metadata[name] = value;
        }

        await s3.PutObjectAsync(request, cancellationToken);
    }

    public async Task TagRejectedAsync(StoredObject source, string reason, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("S3 PutObjectTagging", "S3", "PutObjectTagging");
        var tags = (await ExistingTagsAsync(source, cancellationToken))
            .Where(tag => tag.Key is not StatusTag and not ReasonTag)
            .Take(8) // S3 allows 10 tags per object
            .Append(new Tag { Key = StatusTag, Value = "rejected" })
            .Append(new Tag { Key = ReasonTag, Value = reason })
            .ToList();
        await s3.PutObjectTaggingAsync(
            new PutObjectTaggingRequest { BucketName = source.Bucket, Key = source.Key, VersionId = source.VersionId, Tagging = new Tagging { TagSet = tags } },
            cancellationToken);
    }

    private async Task<List<Tag>> ExistingTagsAsync(StoredObject source, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await s3.GetObjectTaggingAsync(
                new GetObjectTaggingRequest { BucketName = source.Bucket, Key = source.Key, VersionId = source.VersionId }, cancellationToken);
            return existing.Tagging ?? [];
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "InvalidObjectState")
        {
            // S3 reads the tags of archived objects; the emulator refuses to. There are none to keep then.
            return [];
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) || value == "null" ? null : value;
}
