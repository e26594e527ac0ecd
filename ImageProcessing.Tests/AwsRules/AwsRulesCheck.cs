namespace ImageProcessing.Tests.AwsRules;

/// <summary>Every AWS rule that applies to a request, by the service its signature names.</summary>
internal sealed class AwsRulesCheck
{
    private readonly DynamoDbRules _dynamoDb = new();

    public IReadOnlyList<RuleViolation> Check(AwsRequest request) => request.Service switch
    {
        "s3" => [.. S3Rules.Check(request)],
        "dynamodb" => [.. _dynamoDb.Check(request)],
        "sns" => [.. SnsRules.Check(request)],
        "sqs" => [.. SqsRules.Check(request)],
        _ => [],
    };
}
