using System.Globalization;
using System.Net;
using Amazon.Runtime;

using ImageProcessing.Function.Aws.Sns;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Aws;

/// <summary>moto does not check signatures, so this endpoint re-computes them with botocore (the AWS CLI's signer).</summary>
public sealed class SigV4VerifierFixture : IAsyncLifetime
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "FQoGZXIvYXdzEXAMPLE/token+with=specials";
    public const string Region = "eu-west-1";

    private ChildProcess? _verifier;

    public Uri Url { get; private set; } = null!;

    public string Output => _verifier?.Output ?? "";

    public async Task InitializeAsync()
    {
        var port = StubHandler.FreeLoopbackPort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        var script = Path.Combine(AppContext.BaseDirectory, "Aws", "sigv4_verifier.py");
        _verifier = ChildProcess.Start("python3", script, port.ToString(CultureInfo.InvariantCulture), AccessKey, SecretKey, SessionToken, Region);
        await _verifier.WaitForPortAsync(port);
    }

    public Task DisposeAsync()
    {
        _verifier?.Dispose();
        return Task.CompletedTask;
    }
}

[Trait("Category", "integration")]
public sealed class SnsSignatureTests(SigV4VerifierFixture verifier) : IClassFixture<SigV4VerifierFixture>, IDisposable
{
    private const string TopicArn = "arn:aws:sns:" + SigV4VerifierFixture.Region + ":123456789012:images";
    private readonly HttpClient _httpClient = new();

    public void Dispose() => _httpClient.Dispose();

    [Fact]
    public async Task Signature_with_session_token_matches_botocore_reference()
    {
        var publisher = new SnsPublisher(_httpClient, new SnsClientOptions
        {
            ServiceUrl = verifier.Url,
            Credentials = new SessionAWSCredentials(SigV4VerifierFixture.AccessKey, SigV4VerifierFixture.SecretKey, SigV4VerifierFixture.SessionToken),
        });
        var request = new SnsPublishRequest(
            TopicArn,
            "ünïcødé 😀 a+b=c&d %20 ~*'()!",
            Subject: "subject with spaces",
            MessageAttributes: new Dictionary<string, string> { ["z-last"] = "1", ["a first"] = "x y+z" });

        string messageId;
        try
        {
            messageId = await publisher.PublishAsync(request);
        }
        catch (SnsException ex)
        {
            throw new InvalidOperationException("Verifier rejected the request: " + verifier.Output, ex);
        }

        Assert.True(Guid.TryParse(messageId, out _));
    }

    [Fact]
    public async Task Wrong_secret_is_rejected_as_non_transient_SignatureDoesNotMatch()
    {
        var publisher = new SnsPublisher(_httpClient, new SnsClientOptions
        {
            ServiceUrl = verifier.Url,
            Credentials = new SessionAWSCredentials(SigV4VerifierFixture.AccessKey, "not-the-secret", SigV4VerifierFixture.SessionToken),
        });

        var error = await Assert.ThrowsAsync<SnsException>(() => publisher.PublishAsync(new SnsPublishRequest(TopicArn, "hello")));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.StartsWith("verifier-", error.RequestId, StringComparison.Ordinal);
    }
}
