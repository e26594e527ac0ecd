namespace ImageProcessing.Pipeline;

/// <summary>
/// The one place for the pipeline's names, prefixes, limits and wiring. The function reads its
/// configuration through these names, the app host provisions local resources from them and the CDK
/// stack deploys them: change a value here and all three follow.
/// </summary>
public static class PipelineDefinition
{
    /// <summary>Only keys under this prefix are processed; the bucket notification and the handler both check it.</summary>
    public const string InputPrefix = "uploads/";

    /// <summary>Outputs mirror the upload's path under this prefix, which never triggers processing.</summary>
    public const string OutputPrefix = "processed/";

    public const long MaxUploadBytes = 10L * 1024 * 1024;

    /// <summary>
    /// S3's limit on an object key (UTF-8 bytes): an upload whose output key would be longer is rejected
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html).
    /// </summary>
    public const int MaxObjectKeyBytes = 1024;
    public const int MaxImageDimension = 4096;

    /// <summary>
    /// The most scans a JPEG may have. Encoders write far fewer (libjpeg's and libjpeg-turbo's progressive script:
    /// 10 for colour, 6 for grey; mozjpeg's optimized scripts about a dozen); each scan costs a pass over every
    /// block, so this bounds a progressive decode at a few times a normal one (docs/performance.md).
    /// </summary>
    public const int MaxJpegScans = 64;

    /// <summary>The Lambda handler string for the dotnet10 managed runtime.</summary>
    public const string Handler = "ImageProcessing.Function::ImageProcessing.Function.LambdaEntryPoint::HandleAsync";

    /// <summary>The worst valid upload (4096×4096 WebP, full-size grayscale) with room for a slow network (ADR 0002).</summary>
    public const int FunctionTimeoutSeconds = 60;

    /// <summary>Holds the full frame a WebP full-size rendition needs (ADR 0002); JPEG and PNG stay under 128 MB.</summary>
    public const int FunctionMemoryMegabytes = 512;

    /// <summary>
    /// Wall time one upload's validation and rendering may take: half the function's timeout, leaving the other
    /// half for reading, writing and recording. The worst valid upload needs about a tenth of it at 512 MB
    /// (docs/performance.md); an input nobody thought of ends as <c>processing_budget_exceeded</c>, never as a timeout.
    /// </summary>
    public const int ProcessingBudgetSeconds = FunctionTimeoutSeconds / 2;

    /// <summary>AWS recommends at least six times the function timeout so a batch is not redelivered while it runs.</summary>
    public const int QueueVisibilityTimeoutSeconds = 6 * FunctionTimeoutSeconds;

    /// <summary>Receives before a message moves to the dead-letter queue.</summary>
    public const int QueueMaxReceiveCount = 3;

    /// <summary>SQS's longest retention, on both queues: an outage shorter than two weeks loses no upload.</summary>
    public const int QueueRetentionDays = 14;
    /// <summary>One upload per invocation, so the timeout covers the worst single image (ADR 0002).</summary>
    public const int BatchSize = 1;
    public const int MaximumBatchingWindowSeconds = 1;
    public const int RecordRetentionDays = 90;

    /// <summary>Resource names; deployed stacks prefix them, the local environment uses them as they are.</summary>
    public static class Names
    {
        public const string ImagesBucket = "images";
        public const string UploadQueue = "image-uploads";
        public const string DeadLetterQueue = "image-uploads-dlq";
        public const string RecordsTable = "image-records";
        public const string ImageEventsTopic = "image-events";
        public const string SecurityAlertsTopic = "security-alerts";
        public const string KeyAlias = "alias/image-processing";
    }

    /// <summary>The function's CloudWatch metrics (Embedded Metric Format in its log), which the stack's alarms watch.</summary>
    public static class Metrics
    {
        public const string Namespace = "ImageProcessing";

        /// <summary>The one dimension: two copies of the stack in an account keep their metrics apart.</summary>
        public const string FunctionDimension = "FunctionName";

        public const string Processed = "Processed";
        public const string Rejected = "Rejected";
        public const string Failed = "Failed";
        public const string DurationMs = "DurationMs";
    }

    /// <summary>The records table: one item per source object version.</summary>
    public static class RecordsTable
    {
        public const string PartitionKey = "sourceKey";

        /// <summary>The S3 version id, or the ETag when the bucket is not versioned.</summary>
        public const string SortKey = "sourceVersion";

        public const string TimeToLiveAttribute = "expiresAt";
    }

    /// <summary>The function's configuration contract (environment variables).</summary>
    public static class EnvironmentVariables
    {
        /// <summary>Required. Events naming any other bucket are refused.</summary>
        public const string ImagesBucket = "IMAGES_BUCKET";

        public const string RecordsTable = "RECORDS_TABLE";
        public const string ImageEventsTopicArn = "IMAGE_EVENTS_TOPIC_ARN";
        public const string SecurityAlertsTopicArn = "SECURITY_ALERTS_TOPIC_ARN";

        /// <summary>Required. Key id or ARN used for SSE-KMS on every output.</summary>
        public const string KmsKeyId = "KMS_KEY_ID";

        public const string InputPrefix = "INPUT_PREFIX";
        public const string OutputPrefix = "OUTPUT_PREFIX";
        public const string MaxUploadBytes = "MAX_UPLOAD_BYTES";
        public const string MaxImageWidth = "MAX_IMAGE_WIDTH";
        public const string MaxImageHeight = "MAX_IMAGE_HEIGHT";

        /// <summary>Optional rules JSON (README, "Rules"); the built-in rules apply when unset.</summary>
        public const string RulesJson = "RULES_JSON";

        public const string RecordRetentionDays = "RECORD_RETENTION_DAYS";

        /// <summary>The function's timeout, set by the stack: each invocation stops work a margin before it.</summary>
        public const string FunctionTimeoutSeconds = "FUNCTION_TIMEOUT_SECONDS";

        /// <summary>Seconds of validation and rendering per upload; the stack sets half the function's timeout.</summary>
        public const string ProcessingBudgetSeconds = "PROCESSING_BUDGET_SECONDS";
    }
}
