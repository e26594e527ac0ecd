using System.Text;
using System.Text.Json;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>
/// Item sizes as DynamoDB counts them (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
/// attribute names and strings by their UTF-8 bytes, numbers by about one byte per two significant digits plus
/// one, booleans and nulls one byte, lists and maps three bytes plus one per element and their elements' sizes.
/// </summary>
internal static class DynamoDbItemSize
{
    /// <summary>The size of an item in the wire format (<c>{"name": {"S": "..."}}</c>).</summary>
    public static int Of(JsonElement item) =>
        item.EnumerateObject().Sum(attribute => Encoding.UTF8.GetByteCount(attribute.Name) + OfValue(attribute.Value));

    public static int OfValue(JsonElement value)
    {
        var typed = value.EnumerateObject().First();
        return typed.Name switch
        {
            "S" => Encoding.UTF8.GetByteCount(typed.Value.GetString()!),
            "N" => OfNumber(typed.Value.GetString()!),
            "B" => Convert.FromBase64String(typed.Value.GetString()!).Length,
            "BOOL" or "NULL" => 1,
            "SS" => typed.Value.EnumerateArray().Sum(s => Encoding.UTF8.GetByteCount(s.GetString()!)),
            "NS" => typed.Value.EnumerateArray().Sum(n => OfNumber(n.GetString()!)),
            "BS" => typed.Value.EnumerateArray().Sum(b => Convert.FromBase64String(b.GetString()!).Length),
            "L" => 3 + typed.Value.EnumerateArray().Sum(element => 1 + OfValue(element)),
            "M" => 3 + typed.Value.EnumerateObject().Sum(entry => 1 + Encoding.UTF8.GetByteCount(entry.Name) + OfValue(entry.Value)),
            var other => throw new InvalidOperationException($"unknown DynamoDB attribute type '{other}'"),
        };
    }

    private static int OfNumber(string number)
    {
        var digits = number.TrimStart('-').Split('e', 'E')[0].Replace(".", string.Empty, StringComparison.Ordinal).Trim('0');
        return Math.Max(1, (digits.Length + 1) / 2) + 1;
    }
}
