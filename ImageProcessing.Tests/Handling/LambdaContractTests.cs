using System.Text.Json;
using ImageProcessing.Function;
using ImageProcessing.Function.Events;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Tests.Handling;

[Trait("Category", "unit")]
public sealed class LambdaContractTests
{
    [Fact]
    public void The_documented_handler_string_names_a_stream_to_stream_method()
    {
        var parts = PipelineDefinition.Handler.Split("::");
        var type = typeof(LambdaEntryPoint).Assembly.GetType(parts[1], throwOnError: true)!;
        var method = type.GetMethod(parts[2])!;

        Assert.Equal(typeof(LambdaEntryPoint).Assembly.GetName().Name, parts[0]);
        Assert.Equal(typeof(Task<Stream>), method.ReturnType);
        Assert.Equal([typeof(Stream)], method.GetParameters().Select(p => p.ParameterType));
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void The_batch_response_has_the_shape_lambda_expects()
    {
        var json = JsonSerializer.Serialize(new BatchResponse([new BatchItemFailure("id-1")]), EventJsonContext.Default.BatchResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"id-1"}]}""", json);
    }

    [Fact]
    public void An_sqs_event_as_lambda_sends_it_is_read()
    {
        const string json = """
            {"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d","receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
            "body":"{\"Records\":[]}","attributes":{"ApproximateReceiveCount":"3","SentTimestamp":"1545082649183"},
            "messageAttributes":{},"md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","eventSource":"aws:sqs",
            "eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:my-queue","awsRegion":"us-east-2"}]}
            """;

        var batch = JsonSerializer.Deserialize(json, EventJsonContext.Default.SqsEvent)!;

        var message = Assert.Single(batch.Records!);
        Assert.Equal(("059f36b4-87a3-44ab-83d2-661975830a7d", 3, "{\"Records\":[]}"), (message.MessageId, message.ReceiveCount, message.Body));
    }

    [Theory]
    [InlineData("uploads/my+holiday+photo.jpg", "uploads/my holiday photo.jpg")]
    [InlineData("uploads/a%2Bb.jpg", "uploads/a+b.jpg")]
    [InlineData("uploads/%C3%84rger+%F0%9F%98%80.png", "uploads/Ärger 😀.png")]
    [InlineData("uploads/sub%2Fdir/x.png", "uploads/sub/dir/x.png")]
    [InlineData("uploads/100%25.png", "uploads/100%.png")]
    public void Event_keys_are_form_url_decoded(string encoded, string key) =>
        Assert.Equal(key, S3Keys.Decode(encoded));
}
