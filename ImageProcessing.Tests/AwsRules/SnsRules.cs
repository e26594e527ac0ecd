using System.Text;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>Publish as SNS limits it: message size with attributes, subject, attribute names and values (<see cref="AwsLimits"/>).</summary>
internal static class SnsRules
{
    public static IEnumerable<RuleViolation> Check(AwsRequest request)
    {
        var form = request.Form();
        if (form.GetValueOrDefault("Action") != "Publish")
        {
            yield break;
        }

        var message = form.GetValueOrDefault("Message") ?? string.Empty;
        if (message.Length == 0)
        {
            yield return Violation("the message is empty (InvalidParameter)");
        }

        var attributes = Attributes(form);
        var size = Encoding.UTF8.GetByteCount(message)
            + attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Name) + Encoding.UTF8.GetByteCount(a.Type) + Encoding.UTF8.GetByteCount(a.Value));
        if (size > AwsLimits.SnsMessageBytes)
        {
            yield return Violation($"the message with its attributes is {size} bytes; SNS allows {AwsLimits.SnsMessageBytes} (InvalidParameter)");
        }

        if (form.TryGetValue("Subject", out var subject))
        {
            if (subject.Length > AwsLimits.SnsSubjectMaxCharacters)
            {
                yield return Violation($"the subject is {subject.Length} characters; SNS allows fewer than 100 (InvalidParameter)");
            }

            if (subject.Length == 0 || subject.Any(c => c is < ' ' or > '~') || !(char.IsAsciiLetterOrDigit(subject[0]) || char.IsPunctuation(subject[0])))
            {
                yield return Violation($"the subject '{subject}' is not printable ASCII starting with a letter, number or punctuation mark (InvalidParameter)");
            }
        }

        if (attributes.Count > AwsLimits.SnsAttributesPerMessage)
        {
            yield return Violation($"{attributes.Count} message attributes; SNS allows {AwsLimits.SnsAttributesPerMessage}");
        }

        foreach (var (name, _, value) in attributes)
        {
            if (!IsAttributeName(name))
            {
                yield return Violation($"the attribute name '{name}' breaks SNS's naming rules (InvalidParameterValue)");
            }

            if (value.Length == 0)
            {
                yield return Violation($"the attribute '{name}' has an empty value (InvalidParameterValue)");
            }
        }
    }

    private static List<(string Name, string Type, string Value)> Attributes(Dictionary<string, string> form)
    {
        var attributes = new List<(string, string, string)>();
        for (var i = 1; form.TryGetValue($"MessageAttributes.entry.{i}.Name", out var name); i++)
        {
            attributes.Add((name, form.GetValueOrDefault($"MessageAttributes.entry.{i}.Value.DataType") ?? string.Empty,
                form.GetValueOrDefault($"MessageAttributes.entry.{i}.Value.StringValue") ?? string.Empty));
        }

        return attributes;
    }

    private static bool IsAttributeName(string name) =>
        name.Length is > 0 and <= AwsLimits.SnsAttributeNameCharacters
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
        && !name.StartsWith('.') && !name.EndsWith('.') && !name.Contains("..", StringComparison.Ordinal)
        && !name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase);

    private static RuleViolation Violation(string detail) => new("SNS", "Publish", detail);
}
