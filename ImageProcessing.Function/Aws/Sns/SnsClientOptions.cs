using Amazon.Runtime;

namespace ImageProcessing.Function.Aws.Sns;

/// <summary>Optional settings for <see cref="SnsQueryClient"/> and <see cref="SnsPublisher"/>.</summary>
public sealed class SnsClientOptions
{
    /// <summary>Credentials to sign with; when null, the AWS SDK default chain is used (environment, profile, container, instance metadata).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Region used only when the topic ARN carries none.</summary>
    public string? Region { get; init; }

    /// <summary>Endpoint to post to; wins over <c>AWS_ENDPOINT_URL_SNS</c> and <c>AWS_ENDPOINT_URL</c>.</summary>
    public Uri? ServiceUrl { get; init; }
}
