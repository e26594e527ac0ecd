using System.Net;
using Amazon.Runtime;

using ImageProcessing.Function.Aws.Sns;

namespace ImageProcessing.Tests.Aws;

[Trait("Category", "unit")]
public sealed class SnsPublisherTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:images";
    private static readonly SnsClientOptions Options = new()
    {
        ServiceUrl = new Uri("http://sns.test/"),
        Credentials = new BasicAWSCredentials("test", "test"),
    };

    private static string ErrorXml(string code) =>
        $"<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Receiver</Type><Code>{code}</Code>" +
        $"<Message>details of {code}</Message></Error><RequestId>rid-{code}</RequestId></ErrorResponse>";

    private static Task<string> PublishAsync(HttpMessageHandler handler, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var client = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        return new SnsPublisher(client, Options).PublishAsync(new SnsPublishRequest(TopicArn, "hello"), cancellationToken);
    }

    [Fact]
    public async Task Http_503_with_xml_error_is_transient()
    {
        var error = await Assert.ThrowsAsync<SnsException>(() =>
            PublishAsync(StubHandler.Returning(HttpStatusCode.ServiceUnavailable, ErrorXml("ServiceUnavailable"))));

        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("rid-ServiceUnavailable", error.RequestId);
        Assert.True(error.IsTransient);
        Assert.Contains("details of ServiceUnavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_503_with_html_body_is_transient_and_uses_header_request_id()
    {
        var error = await Assert.ThrowsAsync<SnsException>(() =>
            PublishAsync(StubHandler.Returning(HttpStatusCode.ServiceUnavailable, "<html><body>503 Service Temporarily Unavailable", "hdr-rid")));

        Assert.Equal("Http503", error.ErrorCode);
        Assert.Equal("hdr-rid", error.RequestId);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Throttling", true)]
    [InlineData(HttpStatusCode.BadRequest, "ThrottlingException", true)]
    [InlineData(HttpStatusCode.BadRequest, "KMSThrottling", true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", true)]
    [InlineData(HttpStatusCode.BadGateway, "", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "", true)]
    [InlineData(HttpStatusCode.BadRequest, "InvalidParameter", false)]
    [InlineData(HttpStatusCode.Forbidden, "AuthorizationError", false)]
    [InlineData(HttpStatusCode.BadRequest, "KMSAccessDenied", false)]
    public async Task Transient_classification(HttpStatusCode status, string code, bool transient)
    {
        var error = await Assert.ThrowsAsync<SnsException>(() =>
            PublishAsync(StubHandler.Returning(status, code.Length == 0 ? "" : ErrorXml(code))));

        Assert.Equal(code.Length == 0 ? $"Http{(int)status}" : code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public async Task Connection_failure_is_wrapped_as_transient_TransportError()
    {
        var closedPort = StubHandler.FreeLoopbackPort();
        using var client = new HttpClient();
        var publisher = new SnsPublisher(client, new SnsClientOptions
        {
            ServiceUrl = new Uri($"http://127.0.0.1:{closedPort}/"),
            Credentials = Options.Credentials,
        });

        var error = await Assert.ThrowsAsync<SnsException>(() => publisher.PublishAsync(new SnsPublishRequest(TopicArn, "hello")));

        Assert.Equal(SnsException.TransportErrorCode, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task HttpClient_timeout_is_wrapped_as_transient_Timeout()
    {
        var slow = new StubHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var error = await Assert.ThrowsAsync<SnsException>(() => PublishAsync(slow, timeout: TimeSpan.FromMilliseconds(200)));

        Assert.Equal(SnsException.TimeoutErrorCode, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_wrapped()
    {
        using var cancellation = new CancellationTokenSource();
        var slow = new StubHandler(async (_, token) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PublishAsync(slow, cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Success_without_message_id_is_non_transient_InvalidResponse()
    {
        var error = await Assert.ThrowsAsync<SnsException>(() =>
            PublishAsync(StubHandler.Returning(HttpStatusCode.OK, "<PublishResponse><PublishResult/></PublishResponse>")));

        Assert.Equal(SnsException.InvalidResponseErrorCode, error.ErrorCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Request_targets_topic_region_partition_endpoint_and_carries_signed_form()
    {
        const string successXml = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>";
        var handler = StubHandler.Returning(HttpStatusCode.OK, successXml);
        using var client = new HttpClient(handler);
        var publisher = new SnsPublisher(client, new SnsClientOptions
        {
            Credentials = new SessionAWSCredentials("AKID", "secret", "tok"),
            ServiceUrl = SnsQueryClient.DefaultEndpoint("cn-north-1"),
        });

        var messageId = await publisher.PublishAsync(new SnsPublishRequest(
            "arn:aws-cn:sns:cn-north-1:123456789012:images.fifo",
            "a b+c",
            Subject: "s",
            MessageAttributes: new Dictionary<string, string> { ["b"] = "2", ["a"] = "1 2" }));

        Assert.Equal("m-1", messageId);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://sns.cn-north-1.amazonaws.com.cn/"), request.RequestUri);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Content!.Headers.ContentType!.ToString());
        Assert.Equal(
            "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws-cn%3Asns%3Acn-north-1%3A123456789012%3Aimages.fifo&Message=a%20b%2Bc" +
            "&Subject=s" +
            "&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=1%202" +
            "&MessageAttributes.entry.2.Name=b&MessageAttributes.entry.2.Value.DataType=String&MessageAttributes.entry.2.Value.StringValue=2",
            body);
        // SigV4's "Credential=a/b, SignedHeaders=..." does not parse as a typed header value, so read it raw.
        var authorization = Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/", authorization, StringComparison.Ordinal);
        Assert.Contains("/cn-north-1/sns/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=content-type;host;", authorization, StringComparison.Ordinal);
        Assert.Equal("tok", Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
        Assert.Single(request.Headers.GetValues("X-Amz-Date"));
    }

    [Fact]
    public async Task Invalid_requests_are_rejected_before_sending()
    {
        var handler = StubHandler.Returning(HttpStatusCode.OK, "");
        using var client = new HttpClient(handler);
        var publisher = new SnsPublisher(client, Options);

        await Assert.ThrowsAsync<ArgumentNullException>(() => publisher.PublishAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(new SnsPublishRequest(" ", "m")));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(new SnsPublishRequest(TopicArn, "")));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(new SnsPublishRequest("not-an-arn", "m")));
        Assert.Empty(handler.Requests);
    }
}
