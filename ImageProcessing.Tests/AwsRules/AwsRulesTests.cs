using System.Text;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>The AWS rules the gateway holds emulator requests to: each limit refuses one past it and lets one at it pass.</summary>
[Trait("Category", "unit")]
public sealed class AwsRulesTests
{
    private readonly AwsRulesCheck _rules = new();

    [Fact]
    public void S3_keys_are_at_most_1024_UTF8_bytes()
    {
        var atLimit = "uploads/" + new string('é', (1024 - 8) / 2);
        var overLimit = atLimit + "x";

        Assert.Empty(_rules.Check(S3("PUT", atLimit)));
        Assert.Contains("1025 UTF-8 bytes", Assert.Single(_rules.Check(S3("PUT", overLimit))).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_user_metadata_is_at_most_2KB_with_names()
    {
        var name = "x-amz-meta-source-key";
        var fits = new string('a', 2048 - name.Length);

        Assert.Empty(_rules.Check(S3("PUT", "uploads/a.jpg", (name, fits))));
        Assert.Contains("2049 bytes", Assert.Single(_rules.Check(S3("PUT", "uploads/a.jpg", (name, fits + "a")))).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_tags_are_at_most_ten_with_bounded_keys_values_and_characters()
    {
        Assert.Empty(_rules.Check(Tagging(Enumerable.Range(0, 10).Select(i => ($"k{i}", "v")))));
        Assert.Single(_rules.Check(Tagging(Enumerable.Range(0, 11).Select(i => ($"k{i}", "v")))));
        Assert.Single(_rules.Check(Tagging([(new string('k', 129), "v")])));
        Assert.Single(_rules.Check(Tagging([("k", new string('v', 257))])));
        Assert.Single(_rules.Check(Tagging([("k", "a;b")])));
        Assert.Empty(_rules.Check(Tagging([("processing-reason", "too_large"), ("Team", "a+b=c/d@e.f:g")])));
    }

    [Fact]
    public void DynamoDB_items_and_keys_are_bounded()
    {
        _rules.Check(Dynamo("CreateTable", """{"TableName":"t","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}"""));

        Assert.Empty(_rules.Check(PutItem(new string('p', 2048), new string('s', 1024), 0)));
        Assert.Contains("partition key", Assert.Single(_rules.Check(PutItem(new string('p', 2049), "s", 0))).Detail, StringComparison.Ordinal);
        Assert.Contains("sort key", Assert.Single(_rules.Check(PutItem("p", new string('s', 1025), 0))).Detail, StringComparison.Ordinal);
        Assert.Contains("the item is", Assert.Single(_rules.Check(PutItem("p", "s", 400 * 1024))).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DynamoDB_sizes_count_names_numbers_lists_and_maps()
    {
        using var item = System.Text.Json.JsonDocument.Parse("""{"ab":{"S":"xyz"},"n":{"N":"12345"},"l":{"L":[{"BOOL":true},{"NULL":true}]},"m":{"M":{"k":{"S":"v"}}}}""");

        // "ab"+"xyz" = 5; "n" + 5 digits (3+1) = 5; "l" + 3 + (1+1) + (1+1) = 8; "m" + 3 + (1 + "k" + "v") = 7.
        Assert.Equal(25, DynamoDbItemSize.Of(item.RootElement));
    }

    [Fact]
    public void SNS_subjects_are_fewer_than_100_printable_ASCII_characters()
    {
        Assert.Empty(_rules.Check(Publish(subject: new string('s', 99))));
        Assert.Single(_rules.Check(Publish(subject: new string('s', 100))));
        Assert.Single(_rules.Check(Publish(subject: "line\nbreak")));
        Assert.Single(_rules.Check(Publish(subject: "Bild verarbeitet: größe")));
    }

    [Fact]
    public void SNS_messages_with_attributes_are_at_most_256KB_with_valid_attribute_names()
    {
        // "status" + "String" + "processed" is 21 bytes of attributes.
        Assert.Empty(_rules.Check(Publish(message: new string('m', 256 * 1024 - 21), attributes: [("status", "processed")])));
        Assert.Single(_rules.Check(Publish(message: new string('m', 256 * 1024), attributes: [("status", "processed")])));
        Assert.Single(_rules.Check(Publish(attributes: [("AWS.reserved", "x")])));
        Assert.Single(_rules.Check(Publish(attributes: [("a..b", "x")])));
        Assert.Single(_rules.Check(Publish(attributes: [("empty", "")])));
        Assert.Single(_rules.Check(Publish(attributes: [.. Enumerable.Range(0, 11).Select(i => ($"a{i}", "x"))])));
    }

    [Fact]
    public void SQS_messages_are_at_most_1MiB_of_allowed_characters_and_queue_settings_in_range()
    {
        Assert.Empty(_rules.Check(Sqs("SendMessage", $$"""{"QueueUrl":"q","MessageBody":"{{new string('m', 1024 * 1024)}}"}""")));
        Assert.Single(_rules.Check(Sqs("SendMessage", $$"""{"QueueUrl":"q","MessageBody":"{{new string('m', 1024 * 1024 + 1)}}"}""")));
        Assert.Single(_rules.Check(Sqs("SendMessage", """{"QueueUrl":"q","MessageBody":"bell \u0007"}""")));
        Assert.Single(_rules.Check(Sqs("SetQueueAttributes", """{"QueueUrl":"q","Attributes":{"VisibilityTimeout":"43201"}}""")));
        Assert.Single(_rules.Check(Sqs("CreateQueue", """{"QueueName":"q","Attributes":{"MessageRetentionPeriod":"1209601"}}""")));
        Assert.Single(_rules.Check(Sqs("CreateQueue", """{"QueueName":"q","Attributes":{"RedrivePolicy":"{\"deadLetterTargetArn\":\"a\",\"maxReceiveCount\":0}"}}""")));
    }

    private static AwsRequest S3(string method, string key, params (string Name, string Value)[] headers) =>
        new(method, "/bucket/" + Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal), string.Empty,
            Signed("s3", headers), []);

    private static AwsRequest Tagging(IEnumerable<(string Key, string Value)> tags) =>
        new("PUT", "/bucket/uploads/a.jpg", "?tagging", Signed("s3"), Encoding.UTF8.GetBytes(
            "<Tagging><TagSet>" + string.Concat(tags.Select(t => $"<Tag><Key>{t.Key}</Key><Value>{t.Value}</Value></Tag>")) + "</TagSet></Tagging>"));

    private static AwsRequest Dynamo(string operation, string json) =>
        new("POST", "/", string.Empty, Signed("dynamodb", ("X-Amz-Target", "DynamoDB_20120810." + operation)), Encoding.UTF8.GetBytes(json));

    private static AwsRequest PutItem(string partition, string sort, int payload) =>
        Dynamo("PutItem", "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"" + partition + "\"},\"sk\":{\"S\":\"" + sort
            + "\"},\"data\":{\"S\":\"" + new string('d', payload) + "\"}}}");

    private static AwsRequest Publish(string message = "m", string? subject = null, (string Name, string Value)[]? attributes = null)
    {
        var form = new StringBuilder("Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Message=").Append(Uri.EscapeDataString(message));
        if (subject is not null)
        {
            form.Append("&Subject=").Append(Uri.EscapeDataString(subject));
        }

        var i = 0;
        foreach (var (name, value) in attributes ?? [])
        {
            i++;
            form.Append($"&MessageAttributes.entry.{i}.Name={Uri.EscapeDataString(name)}&MessageAttributes.entry.{i}.Value.DataType=String")
                .Append($"&MessageAttributes.entry.{i}.Value.StringValue={Uri.EscapeDataString(value)}");
        }

        return new AwsRequest("POST", "/", string.Empty, Signed("sns"), Encoding.UTF8.GetBytes(form.ToString()));
    }

    private static AwsRequest Sqs(string operation, string json) =>
        new("POST", "/", string.Empty, Signed("sqs", ("X-Amz-Target", "AmazonSQS." + operation)), Encoding.UTF8.GetBytes(json));

    private static Dictionary<string, string> Signed(string service, params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = $"AWS4-HMAC-SHA256 Credential=test/20261201/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0",
        };
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        return all;
    }
}
