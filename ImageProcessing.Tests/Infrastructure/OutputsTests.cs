namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
public sealed class OutputsTests(DefaultTemplate stack)
{
    [Theory]
    [InlineData("ImagesBucketName")]
    [InlineData("UploadPrefix")]
    [InlineData("RecordsTableName")]
    [InlineData("ImageEventsTopicArn")]
    [InlineData("SecurityAlertsTopicArn")]
    [InlineData("FunctionName")]
    [InlineData("DashboardUrl")]
    public void The_stack_tells_the_operator_where_things_are(string output) =>
        Assert.Contains(stack.Json["Outputs"]!.AsObject(), o => o.Key.StartsWith("Outputs" + output, StringComparison.Ordinal));
}
