using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>Message sizes, characters and attribute counts, and queue settings, as SQS limits them (<see cref="AwsLimits"/>).</summary>
internal static class SqsRules
{
    public static IEnumerable<RuleViolation> Check(AwsRequest request)
    {
        var operation = request.Target ?? "?";
        var body = request.Json();
        var violations = new List<RuleViolation>();
        switch (operation)
        {
            case "SendMessage":
                CheckMessage(operation, body, violations);
                break;
            case "SendMessageBatch":
                foreach (var entry in body.GetProperty("Entries").EnumerateArray())
                {
                    CheckMessage(operation, entry, violations);
                }

                break;
            case "ChangeMessageVisibility" when body.GetProperty("VisibilityTimeout").GetInt32() is var timeout && timeout is < 0 or > AwsLimits.SqsMaxVisibilityTimeoutSeconds:
                violations.Add(Violation(operation, $"the visibility timeout is {timeout} s; SQS allows 0 to {AwsLimits.SqsMaxVisibilityTimeoutSeconds}"));
                break;
            case "CreateQueue" or "SetQueueAttributes" when body.TryGetProperty("Attributes", out var attributes):
                CheckQueueAttributes(operation, attributes, violations);
                break;
        }

        return violations;
    }

    private static void CheckMessage(string operation, JsonElement message, List<RuleViolation> violations)
    {
        var text = message.GetProperty("MessageBody").GetString() ?? string.Empty;
        var size = Encoding.UTF8.GetByteCount(text);
        var count = 0;
        if (message.TryGetProperty("MessageAttributes", out var attributes))
        {
            foreach (var attribute in attributes.EnumerateObject())
            {
                count++;
                size += Encoding.UTF8.GetByteCount(attribute.Name) + Encoding.UTF8.GetByteCount(attribute.Value.GetRawText());
            }
        }

        if (size > AwsLimits.SqsMessageBytes)
        {
            violations.Add(Violation(operation, $"the message with its attributes is {size} bytes; SQS allows {AwsLimits.SqsMessageBytes}"));
        }

        if (count > AwsLimits.SqsAttributesPerMessage)
        {
            violations.Add(Violation(operation, $"{count} message attributes; SQS allows {AwsLimits.SqsAttributesPerMessage}"));
        }

        if (text.EnumerateRunes().FirstOrDefault(rune => !IsAllowed(rune)) is var bad && bad != default)
        {
            violations.Add(Violation(operation, $"the body holds U+{bad.Value.ToString("X4", CultureInfo.InvariantCulture)}, which SQS refuses (InvalidMessageContents)"));
        }
    }

    private static bool IsAllowed(Rune rune) =>
        rune.Value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static void CheckQueueAttributes(string operation, JsonElement attributes, List<RuleViolation> violations)
    {
        void Range(string name, long min, long max)
        {
            if (attributes.TryGetProperty(name, out var value) && long.Parse(value.GetString()!, CultureInfo.InvariantCulture) is var number && (number < min || number > max))
            {
                violations.Add(Violation(operation, $"{name} is {number}; SQS allows {min} to {max}"));
            }
        }

        Range("VisibilityTimeout", 0, AwsLimits.SqsMaxVisibilityTimeoutSeconds);
        Range("MessageRetentionPeriod", AwsLimits.SqsMinRetentionSeconds, AwsLimits.SqsMaxRetentionSeconds);
        if (attributes.TryGetProperty("RedrivePolicy", out var redrive)
            && JsonDocument.Parse(redrive.GetString()!).RootElement.GetProperty("maxReceiveCount") is var receives
            && (receives.ValueKind == JsonValueKind.Number ? receives.GetInt32() : int.Parse(receives.GetString()!, CultureInfo.InvariantCulture)) is var maxReceives
            && maxReceives is < 1 or > AwsLimits.SqsMaxReceiveCountLimit)
        {
            violations.Add(Violation(operation, $"maxReceiveCount is {maxReceives}; SQS allows 1 to {AwsLimits.SqsMaxReceiveCountLimit}"));
        }
    }

    private static RuleViolation Violation(string operation, string detail) => new("SQS", operation, detail);
}
