using System.Globalization;
using System.Net;

namespace ImageProcessing.Function.Aws.Sns;

/// <summary>SNS Publish over <see cref="SnsQueryClient"/>, in the region of the topic's ARN.</summary>
public sealed class SnsPublisher : ISnsPublisher
{
    private readonly SnsQueryClient _client;

    /// <summary>Creates a publisher that sends through <paramref name="httpClient"/>.</summary>
    public SnsPublisher(HttpClient httpClient, SnsClientOptions? options = null)
        : this(new SnsQueryClient(httpClient, options))
    {
    }

    public SnsPublisher(SnsQueryClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public async Task<string> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.TopicArn, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.Message, nameof(request));

        var region = RegionFromTopicArn(request.TopicArn) ?? _client.Region
            ?? throw new ArgumentException($"Cannot determine the region of topic '{request.TopicArn}'; configure one.", nameof(request));
        var result = await _client.InvokeAsync("Publish", region, Parameters(request), cancellationToken);
        var messageId = result.Element(result.Name.Namespace + "MessageId")?.Value;
        return !string.IsNullOrEmpty(messageId)
            ? messageId
            : throw new SnsException("SNS Publish succeeded without a MessageId in the response.", SnsException.InvalidResponseErrorCode, HttpStatusCode.OK, null, isTransient: false);
    }

    /// <summary>arn:PARTITION:sns:REGION:ACCOUNT:NAME → REGION, or null when it is not an SNS ARN.</summary>
    internal static string? RegionFromTopicArn(string topicArn)
    {
        var parts = topicArn.Split(':');
        var region = parts.Length >= 6 && parts[0] == "arn" && parts[2] == "sns" ? parts[3] : "";
        // The region becomes part of the endpoint host name, so only accept region-shaped values.
        return region.Length > 0 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? region : null;
    }

    internal static IEnumerable<KeyValuePair<string, string?>> Parameters(SnsPublishRequest request)
    {
        yield return new("TopicArn", request.TopicArn);
        yield return new("Message", request.Message);
        yield return new("Subject", request.Subject);
        var index = 0;
        foreach (var (name, value) in request.MessageAttributes?.OrderBy(a => a.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            var prefix = "MessageAttributes.entry." + (++index).ToString(CultureInfo.InvariantCulture);
            yield return new(prefix + ".Name", name);
            yield return new(prefix + ".Value.DataType", "String");
            yield return new(prefix + ".Value.StringValue", value);
        }
    }
}
