namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class OutputsTests(DefaultTemplate stack)
{
    [Theory]
    [InlineData("ImagesBucketName")]
    [InlineData("UploadPrefix")]
    [InlineData("RecordsTableName")]
    [InlineData("ImageEventsTopicArn")]
    [InlineData("SecurityAlertsTopicArn")]
    [InlineData("FunctionName")]
    [InlineData("KeyArn")]
    [InlineData("DashboardUrl")]
    public void The_stack_tells_the_operator_where_things_are(string output) =>
        Assert.True(stack.Json["Outputs"]!.AsObject().ContainsKey(output), output);
}
