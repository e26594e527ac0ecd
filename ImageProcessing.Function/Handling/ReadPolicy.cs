using ImageProcessing.Function.Handling.Ports;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.Function.Handling;

/// <summary>
/// Objects the function can never read, whatever the retries: encrypted with a key it has no use of, or archived.
/// They get a verdict instead of three failed deliveries into the dead-letter queue.
/// </summary>
public static class ReadPolicy
{
    /// <param name="pipelineKeyId">The pipeline's KMS key (id, ARN or alias) as configured.</param>
    public static Rejection? Check(StoredObject head, string pipelineKeyId)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.NeedsCustomerKey)
        {
            return Rejection.ForeignEncryption("the object is encrypted with a customer-provided key (SSE-C), which the function is never given");
        }

        if (head.KmsKeyId is { } objectKey && IsOtherKey(objectKey, pipelineKeyId))
        {
            return Rejection.ForeignEncryption($"the object is encrypted with KMS key '{KeyIdOf(objectKey)}', not the pipeline's key");
        }

        return head.IsArchived
            ? Rejection.Archived("the object is in an archive storage class (Glacier Flexible Retrieval or Deep Archive) and not restored")
            : null;
    }

    /// <summary>Only a key id or ARN can be compared; with an alias configured, the read itself decides.</summary>
    private static bool IsOtherKey(string objectKey, string pipelineKeyId) =>
        !pipelineKeyId.StartsWith("alias/", StringComparison.Ordinal) && !pipelineKeyId.Contains(":alias/", StringComparison.Ordinal)
        && !string.Equals(KeyIdOf(objectKey), KeyIdOf(pipelineKeyId), StringComparison.Ordinal);

    /// <summary><c>arn:aws:kms:REGION:ACCOUNT:key/ID</c> → <c>ID</c>; an id stays as it is.</summary>
    private static string KeyIdOf(string keyIdOrArn) =>
        keyIdOrArn.LastIndexOf(":key/", StringComparison.Ordinal) is var at and >= 0 ? keyIdOrArn[(at + ":key/".Length)..] : keyIdOrArn;
}
