using System.Net;
using Amazon.Runtime;

using ImageProcessing.Function.Aws.Sns;

namespace ImageProcessing.Tests.Aws;

[Trait("Category", "unit")]
public sealed class SnsEndpointTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Service_specific_variable_wins_over_global_one()
    {
        Assert.Equal(new Uri("http://sns.local:1/"), SnsQueryClient.ConfiguredEndpoint(Env(("AWS_ENDPOINT_URL_SNS", "http://sns.local:1"), ("AWS_ENDPOINT_URL", "http://all.local:2"))));
        Assert.Equal(new Uri("http://all.local:2/"), SnsQueryClient.ConfiguredEndpoint(Env(("AWS_ENDPOINT_URL", "http://all.local:2"))));
        Assert.Null(SnsQueryClient.ConfiguredEndpoint(Env()));
        Assert.Null(SnsQueryClient.ConfiguredEndpoint(Env(("AWS_ENDPOINT_URL", "http://all.local:2"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"))));
    }

    [Theory]
    [InlineData("us-east-1", "https://sns.us-east-1.amazonaws.com/")]
    [InlineData("eu-central-1", "https://sns.eu-central-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://sns.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "https://sns.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://sns.us-gov-west-1.amazonaws.com/")]
    public void Default_endpoint_uses_partition_dns_suffix(string region, string expected) =>
        Assert.Equal(new Uri(expected), SnsQueryClient.DefaultEndpoint(region));

    [Theory]
    [InlineData("arn:aws:sns:eu-west-1:123456789012:images", "eu-west-1")]
    [InlineData("arn:aws-cn:sns:cn-north-1:123456789012:images.fifo", "cn-north-1")]
    [InlineData("arn:aws:sqs:eu-west-1:123456789012:images", null)]
    [InlineData("arn:aws:sns::123456789012:images", null)]
    [InlineData("arn:aws:sns:evil.example/x:123456789012:images", null)]
    [InlineData("images", null)]
    public void Region_comes_from_topic_arn(string arn, string? expected) =>
        Assert.Equal(expected, SnsPublisher.RegionFromTopicArn(arn));

    [Fact]
    public async Task An_explicit_service_url_and_region_serve_topics_without_a_region()
    {
        var handler = StubHandler.Returning(HttpStatusCode.OK, "<PublishResponse><PublishResult><MessageId>m</MessageId></PublishResult></PublishResponse>");
        using var client = new HttpClient(handler);
        var publisher = new SnsPublisher(client, new SnsClientOptions
        {
            Credentials = new BasicAWSCredentials("a", "b"),
            ServiceUrl = new Uri("http://explicit.local:8080/"),
            Region = "ap-southeast-2",
        });

        await publisher.PublishAsync(new SnsPublishRequest("local-topic", "m"));

        Assert.Equal(new Uri("http://explicit.local:8080/"), handler.Requests[0].Request.RequestUri);
        Assert.Contains("/ap-southeast-2/sns/aws4_request", Assert.Single(handler.Requests[0].Request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }
}
