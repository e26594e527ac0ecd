using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ImageProcessing.Function.Handling;
using ImageProcessing.Function.Handling.Ports;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Telemetry;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.Function.Aws;

/// <summary>
/// The records table over the low-level DynamoDB client. Conditional writes make the first final
/// writer win: a duplicate delivery can never overwrite or re-announce a finished record, while a delivery under
/// changed rules (a reprocessing) takes the record over and announces its new verdict.
/// </summary>
public sealed class DynamoDbRecordStore(IAmazonDynamoDB dynamoDb, string tableName) : IRecordStore
{
    /// <summary>No verdict yet, or a verdict of other rules (a reprocessing): the only items a writer may take over.</summary>
    private const string OpenToThisWriter = "attribute_not_exists(#pk) OR #status = :processing OR attribute_not_exists(#rules) OR #rules <> :rules";

    private static readonly IReadOnlyDictionary<string, string> OpenToThisWriterNames = new Dictionary<string, string>
    {
        ["#pk"] = Schema.PartitionKey, ["#status"] = "status", ["#rules"] = RecordMapper.RulesFingerprintAttribute,
    };

    private static Dictionary<string, AttributeValue> OpenToThisWriterValues(string? rulesFingerprint) => new()
    {
        [":processing"] = new AttributeValue { S = UploadStatus.Processing.Name() },
        [":rules"] = new AttributeValue { S = rulesFingerprint ?? string.Empty },
    };

    public async Task<ImageRecord?> GetAsync(SourceVersion source, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("DynamoDB GetItem", "DynamoDB", "GetItem");
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = KeyOf(source), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? RecordMapper.FromItem(source, item) : null;
    }

    public async Task<int?> StartAttemptAsync(SourceVersion source, RecordContext context, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("DynamoDB UpdateItem", "DynamoDB", "UpdateItem");
        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = KeyOf(source),
                UpdateExpression = "SET #status = :processing, sourceBucket = :bucket, receivedAt = if_not_exists(receivedAt, :now), " +
                    "lastAttemptAt = :now, requestId = :request, #ttl = :ttl, #rules = :rules, notified = :false ADD attempts :one",
                ConditionExpression = OpenToThisWriter,
                ExpressionAttributeNames = new(OpenToThisWriterNames) { ["#ttl"] = Schema.TimeToLiveAttribute },
                ExpressionAttributeValues = new(OpenToThisWriterValues(context.RulesFingerprint))
                {
                    [":bucket"] = new AttributeValue { S = source.Bucket },
                    [":now"] = new AttributeValue { S = context.Now.ToString("O", CultureInfo.InvariantCulture) },
                    [":request"] = new AttributeValue { S = context.RequestId },
                    [":ttl"] = new AttributeValue { N = context.ExpiresAt.ToString(CultureInfo.InvariantCulture) },
                    [":one"] = new AttributeValue { N = "1" },
                    [":false"] = new AttributeValue { BOOL = false },
                },
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            return int.Parse(response.Attributes["attempts"].N, CultureInfo.InvariantCulture);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    public async Task<bool> CompleteAsync(ImageRecord record, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("DynamoDB PutItem", "DynamoDB", "PutItem");
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = RecordMapper.ToItem(record),
                ConditionExpression = OpenToThisWriter,
                ExpressionAttributeNames = new(OpenToThisWriterNames),
                ExpressionAttributeValues = OpenToThisWriterValues(record.RulesFingerprint),
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task MarkNotifiedAsync(SourceVersion source, CancellationToken cancellationToken)
    {
        using var activity = FunctionTelemetry.StartClient("DynamoDB UpdateItem", "DynamoDB", "UpdateItem");
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = KeyOf(source),
            UpdateExpression = "SET notified = :true",
            ConditionExpression = "attribute_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = Schema.PartitionKey },
            ExpressionAttributeValues = new() { [":true"] = new AttributeValue { BOOL = true } },
        }, cancellationToken);
    }

    private static Dictionary<string, AttributeValue> KeyOf(SourceVersion source) => new()
    {
        [Schema.PartitionKey] = new AttributeValue { S = source.Key },
        [Schema.SortKey] = new AttributeValue { S = source.Version },
    };
}
