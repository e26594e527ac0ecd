using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>
/// Item, key and expression sizes as DynamoDB limits them (<see cref="AwsLimits"/>). The key schema of each table
/// is learned from the CreateTable requests that pass.
/// </summary>
internal sealed class DynamoDbRules
{
    private readonly ConcurrentDictionary<string, (string? Partition, string? Sort)> _keys = new(StringComparer.Ordinal);

    public IEnumerable<RuleViolation> Check(AwsRequest request)
    {
        var operation = request.Target ?? "?";
        var body = request.Json();
        var table = body.TryGetProperty("TableName", out var name) ? name.GetString() ?? string.Empty : string.Empty;
        var violations = new List<RuleViolation>();
        switch (operation)
        {
            case "CreateTable":
                Learn(table, body);
                break;
            case "PutItem":
                var item = body.GetProperty("Item");
                var size = DynamoDbItemSize.Of(item);
                if (size > AwsLimits.DynamoDbItemBytes)
                {
                    violations.Add(Violation(operation, $"the item is {size} bytes; DynamoDB allows {AwsLimits.DynamoDbItemBytes} (ValidationException)"));
                }

                CheckKey(operation, table, item, violations);
                break;
            case "UpdateItem" or "GetItem" or "DeleteItem":
                CheckKey(operation, table, body.GetProperty("Key"), violations);
                if (body.TryGetProperty("ExpressionAttributeValues", out var values))
                {
                    var written = values.EnumerateObject().Sum(value => DynamoDbItemSize.OfValue(value.Value));
                    if (written > AwsLimits.DynamoDbItemBytes)
                    {
                        violations.Add(Violation(operation, $"the update writes {written} bytes of values; an item holds at most {AwsLimits.DynamoDbItemBytes}"));
                    }
                }

                break;
            case "Query" when body.TryGetProperty("KeyConditionExpression", out var condition) && body.TryGetProperty("ExpressionAttributeValues", out var keyValues):
                foreach (var value in keyValues.EnumerateObject().Where(value => condition.GetString()!.Contains(value.Name, StringComparison.Ordinal)))
                {
                    if (DynamoDbItemSize.OfValue(value.Value) is var keySize and > AwsLimits.DynamoDbPartitionKeyBytes)
                    {
                        violations.Add(Violation(operation, $"the key value {value.Name} is {keySize} bytes; a key is at most {AwsLimits.DynamoDbPartitionKeyBytes} (ValidationException)"));
                    }
                }

                break;
        }

        foreach (var expression in new[] { "UpdateExpression", "ConditionExpression", "KeyConditionExpression", "FilterExpression", "ProjectionExpression" })
        {
            if (body.TryGetProperty(expression, out var text) && Encoding.UTF8.GetByteCount(text.GetString() ?? string.Empty) is var bytes and > AwsLimits.DynamoDbExpressionBytes)
            {
                violations.Add(Violation(operation, $"{expression} is {bytes} bytes; DynamoDB allows {AwsLimits.DynamoDbExpressionBytes}"));
            }
        }

        return violations;
    }

    private void Learn(string table, JsonElement body)
    {
        string? partition = null, sort = null;
        foreach (var element in body.GetProperty("KeySchema").EnumerateArray())
        {
            var attribute = element.GetProperty("AttributeName").GetString();
            if (element.GetProperty("KeyType").GetString() == "HASH")
            {
                partition = attribute;
            }
            else
            {
                sort = attribute;
            }
        }

        _keys[table] = (partition, sort);
    }

    private void CheckKey(string operation, string table, JsonElement item, List<RuleViolation> violations)
    {
        if (!_keys.TryGetValue(table, out var key))
        {
            return;
        }

        Check(key.Partition, AwsLimits.DynamoDbPartitionKeyBytes, "partition");
        Check(key.Sort, AwsLimits.DynamoDbSortKeyBytes, "sort");

        void Check(string? attribute, int limit, string kind)
        {
            if (attribute is not null && item.TryGetProperty(attribute, out var value) && DynamoDbItemSize.OfValue(value) is var size && size > limit)
            {
                violations.Add(Violation(operation, $"the {kind} key '{attribute}' is {size} bytes; DynamoDB allows {limit} (ValidationException)"));
            }
        }
    }

    private static RuleViolation Violation(string operation, string detail) => new("DynamoDB", operation, detail);
}
