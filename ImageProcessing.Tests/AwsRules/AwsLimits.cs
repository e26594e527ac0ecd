namespace ImageProcessing.Tests.AwsRules;

/// <summary>
/// AWS's documented limits that the emulator does not enforce, each with the page it comes from. The
/// <see cref="AwsRulesGateway"/> holds every emulator test's requests to them.
/// </summary>
internal static class AwsLimits
{
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
    // "The object key name is a sequence of Unicode characters with UTF-8 encoding of up to 1,024 bytes long."
    public const int S3KeyBytes = 1024;

    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html
    // "the user-defined metadata is limited to 2 KB in size ... the sum of the number of bytes in the UTF-8
    // encoding of each key and value." Counted here with the x-amz-meta- prefix, the stricter reading.
    public const int S3UserMetadataBytes = 2048;

    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
    // "You can associate up to 10 tags with an object. Tags that are associated with an object must have unique
    // tag keys. A tag key can be up to 128 Unicode characters in length, and tag values can be up to 256."
    public const int S3TagsPerObject = 10;
    public const int S3TagKeyCharacters = 128;
    public const int S3TagValueCharacters = 256;

    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
    // "The maximum item size in DynamoDB is 400 KB, which includes both attribute name binary length (UTF-8
    // length) and attribute value lengths"; partition key values at most 2048 bytes, sort key values 1024 bytes;
    // expressions at most 4 KB.
    public const int DynamoDbItemBytes = 400 * 1024;
    public const int DynamoDbPartitionKeyBytes = 2048;
    public const int DynamoDbSortKeyBytes = 1024;
    public const int DynamoDbExpressionBytes = 4096;

    // https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
    // Message: "The maximum size is 256 KB" including message attributes; Subject: "must be ASCII text that begins
    // with a letter, number, or punctuation mark; must not include line breaks or control characters; and must be
    // less than 100 characters long."
    public const int SnsMessageBytes = 256 * 1024;
    public const int SnsSubjectMaxCharacters = 99;

    // https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
    // Names: up to 256 characters of A-Z, a-z, 0-9, '_', '-' and '.'; not starting with "AWS." or "Amazon.",
    // not starting or ending with '.', no "..". Up to 10 attributes per message; values must not be empty.
    public const int SnsAttributesPerMessage = 10;
    public const int SnsAttributeNameCharacters = 256;

    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
    // Message size (body plus attributes) up to 1 MiB; at most 10 message attributes; the body may contain only
    // #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.
    public const int SqsMessageBytes = 1024 * 1024;
    public const int SqsAttributesPerMessage = 10;

    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html and
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
    public const int SqsMaxVisibilityTimeoutSeconds = 43_200;
    public const int SqsMinRetentionSeconds = 60;
    public const int SqsMaxRetentionSeconds = 1_209_600;
    public const int SqsMaxReceiveCountLimit = 1000;
}
