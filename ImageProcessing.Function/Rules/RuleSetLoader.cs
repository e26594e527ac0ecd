using System.Text.Json;

namespace ImageProcessing.Function.Rules;

/// <summary>Reads and validates the rules JSON. Unknown properties are errors, so typos do not pass silently.</summary>
public static class RuleSetLoader
{
    public static RuleSet Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleSetException($"rules file '{path}': cannot be read: {e.Message}", e);
        }

        return Parse(json, $"rules file '{path}'");
    }

    /// <param name="source">Names the origin in error messages, e.g. the file or environment variable.</param>
    public static RuleSet Parse(string json, string source)
    {
        RuleSetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RulesJsonContext.Default.RuleSetDocument);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : string.Empty;
            throw new RuleSetException($"{source}: invalid JSON at {e.Path ?? "$"}{where}: {FirstSentence(e.Message)}", e);
        }

        if (document is null)
        {
            throw new RuleSetException($"{source}: the document is empty (null)");
        }

        var errors = new List<string>();
        var rules = RuleSetValidator.Validate(document, errors);
        var encoding = RuleSetValidator.ToEncoding(document.Encoding, errors);
        if (errors.Count > 0)
        {
            throw new RuleSetException($"{source} is invalid:\n  - " + string.Join("\n  - ", errors));
        }

        return new RuleSet(rules, encoding);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
