using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Rules;

/// <summary>A rules file that cannot be used; the message points at the offending entry.</summary>
public sealed class RuleSetException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads and validates the rules JSON. Unknown properties are errors, so typos do not pass silently.</summary>
public static partial class RuleSetLoader
{
    public const int MaxRenditionDimension = 16384;

    public const string DefaultJson = """
        {
          "encoding": { "jpegQuality": 85, "jpegProgressive": false, "webpQuality": 85, "pngCompression": 3, "pngFilter": "up" },
          "rules": [
            { "suffix": "", "renditions": [ { "name": "fit-1024", "resize": "fit", "width": 1024, "height": 1024 } ] },
            { "suffix": "_thumb", "renditions": [ { "name": "thumb-200", "resize": "fit", "width": 200, "height": 200 } ] },
            { "suffix": "_grayscale", "renditions": [ { "name": "grayscale", "resize": "none", "grayscale": true } ] }
          ]
        }
        """;

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
        var rules = Validate(document, errors);
        var encoding = ToEncoding(document.Encoding, errors);
        if (errors.Count > 0)
        {
            throw new RuleSetException($"{source} is invalid:\n  - " + string.Join("\n  - ", errors));
        }

        return new RuleSet(rules, encoding);
    }

    private static List<RenditionRule> Validate(RuleSetDocument document, List<string> errors)
    {
        var rules = new List<RenditionRule>();
        if (document.Rules is not { Count: > 0 })
        {
            errors.Add("rules: at least one rule is required");
            return rules;
        }

        var suffixes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Rules.Count; i++)
        {
            var path = $"rules[{i}]";
            var rule = document.Rules[i];
            if (rule is null)
            {
                errors.Add($"{path}: must be an object, not null");
                continue;
            }

            var suffix = rule.Suffix;
            if (suffix is null)
            {
                errors.Add($"{path}.suffix: required (use \"\" for the default rule)");
                continue;
            }

            if (suffix.Contains('/', StringComparison.Ordinal) || suffix.Contains('.', StringComparison.Ordinal))
            {
                errors.Add($"{path}.suffix: '{suffix}' must not contain '/' or '.' (it matches the file name before the extension)");
            }

            if (!suffixes.TryAdd(suffix, i))
            {
                errors.Add($"{path}.suffix: '{suffix}' is already used by rules[{suffixes[suffix]}]");
            }

            var renditions = ValidateRenditions(rule.Renditions, path, errors);
            rules.Add(new RenditionRule(suffix, renditions));
        }

        if (!suffixes.ContainsKey(string.Empty))
        {
            errors.Add("rules: a default rule with \"suffix\": \"\" is required");
        }

        return rules;
    }

    private static List<Rendition> ValidateRenditions(List<RenditionDocument>? documents, string rulePath, List<string> errors)
    {
        var renditions = new List<Rendition>();
        if (documents is not { Count: > 0 })
        {
            errors.Add($"{rulePath}.renditions: at least one rendition is required");
            return renditions;
        }

        for (var j = 0; j < documents.Count; j++)
        {
            var path = $"{rulePath}.renditions[{j}]";
            if (documents[j] is null)
            {
                errors.Add($"{path}: must be an object, not null");
            }
            else if (ValidateRendition(documents[j], path, errors) is { } rendition)
            {
                foreach (var earlier in renditions)
                {
                    CheckDistinct(earlier, rendition, path, errors);
                }

                renditions.Add(rendition);
            }
        }

        return renditions;
    }

    private static Rendition? ValidateRendition(RenditionDocument document, string path, List<string> errors)
    {
        var before = errors.Count;
        if (document.Name is null || !RenditionName().IsMatch(document.Name))
        {
            errors.Add($"{path}.name: required, 1-64 characters of a-z, 0-9 and '-' (got '{document.Name}')");
        }

        var resize = document.Resize?.ToUpperInvariant() switch
        {
            "FIT" => ResizeMode.Fit,
            "COVER" => ResizeMode.Cover,
            "NONE" => ResizeMode.None,
            _ => (ResizeMode?)null,
        };
        if (resize is null)
        {
            errors.Add($"{path}.resize: must be \"fit\", \"cover\" or \"none\" (got '{document.Resize}')");
        }

        if (resize is ResizeMode.Fit or ResizeMode.Cover)
        {
            CheckDimension(document.Width, $"{path}.width", resize.Value, errors);
            CheckDimension(document.Height, $"{path}.height", resize.Value, errors);
        }
        else if (resize is ResizeMode.None && (document.Width is not null || document.Height is not null))
        {
            errors.Add($"{path}: width and height are not allowed with resize \"none\"");
        }

        ImageFormat? format = null;
        if (document.Format is not null && !document.Format.Equals("source", StringComparison.OrdinalIgnoreCase))
        {
            if (ImageFormats.TryParse(document.Format, out var parsed))
            {
                format = parsed;
            }
            else
            {
                errors.Add($"{path}.format: must be \"source\", \"jpeg\", \"png\" or \"webp\" (got '{document.Format}')");
            }
        }

        var keySuffix = document.KeySuffix ?? string.Empty;
        if (keySuffix.Length > 0 && !KeySuffix().IsMatch(keySuffix))
        {
            errors.Add($"{path}.keySuffix: '{keySuffix}' may only contain a-z, A-Z, 0-9, '_' and '-' (at most 64)");
        }

        return errors.Count > before
            ? null
            : new Rendition(document.Name!, resize!.Value, document.Width ?? 0, document.Height ?? 0,
                document.Grayscale ?? false, format, keySuffix);
    }

    private static void CheckDimension(int? value, string path, ResizeMode resize, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{path}: required for resize \"{resize.ToString().ToLowerInvariant()}\"");
        }
        else if (value is < 1 or > MaxRenditionDimension)
        {
            errors.Add($"{path}: must be between 1 and {MaxRenditionDimension} (got {value})");
        }
    }

    // Two renditions may share a key suffix only when both name different explicit formats;
    // otherwise some upload would make them write the same output key.
    private static void CheckDistinct(Rendition earlier, Rendition later, string path, List<string> errors)
    {
        if (earlier.Name == later.Name)
        {
            errors.Add($"{path}.name: '{later.Name}' is used twice in this rule");
        }

        if (!string.Equals(earlier.KeySuffix, later.KeySuffix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (earlier.Format is null || later.Format is null || earlier.Format == later.Format)
        {
            errors.Add($"{path}: renditions '{earlier.Name}' and '{later.Name}' would write the same output key; " +
                "give one a different keySuffix, or give both different explicit formats");
        }
    }

    private static EncodingOptions ToEncoding(EncodingDocument? document, List<string> errors)
    {
        var defaults = EncodingOptions.Default;
        if (document is null)
        {
            return defaults;
        }

        var options = new EncodingOptions
        {
            JpegQuality = document.JpegQuality ?? defaults.JpegQuality,
            JpegProgressive = document.JpegProgressive ?? defaults.JpegProgressive,
            WebpQuality = document.WebpQuality ?? defaults.WebpQuality,
            PngCompression = document.PngCompression ?? defaults.PngCompression,
            PngFilter = ToPngFilter(document.PngFilter, errors) ?? defaults.PngFilter,
        };
        CheckRange(options.JpegQuality, 1, 100, "encoding.jpegQuality", errors);
        CheckRange(options.WebpQuality, 1, 100, "encoding.webpQuality", errors);
        CheckRange(options.PngCompression, 0, 9, "encoding.pngCompression", errors);
        return options;
    }

    private static PngFilter? ToPngFilter(string? name, List<string> errors)
    {
        if (name is null)
        {
            return null;
        }

        PngFilter? filter = name.ToUpperInvariant() switch
        {
            "NONE" => PngFilter.None,
            "SUB" => PngFilter.Sub,
            "UP" => PngFilter.Up,
            "AVERAGE" => PngFilter.Average,
            "PAETH" => PngFilter.Paeth,
            "ALL" => PngFilter.All,
            _ => null,
        };
        if (filter is null)
        {
            errors.Add($"encoding.pngFilter: must be \"none\", \"sub\", \"up\", \"average\", \"paeth\" or \"all\" (got '{name}')");
        }

        return filter;
    }

    private static void CheckRange(int value, int min, int max, string path, List<string> errors)
    {
        if (value < min || value > max)
        {
            errors.Add($"{path}: must be between {min} and {max} (got {value})");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RenditionName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeySuffix();
}

internal sealed class RuleSetDocument
{
    public EncodingDocument? Encoding { get; set; }
    public List<RuleDocument>? Rules { get; set; }
}

internal sealed class EncodingDocument
{
    public int? JpegQuality { get; set; }
    public bool? JpegProgressive { get; set; }
    public int? WebpQuality { get; set; }
    public int? PngCompression { get; set; }
    public string? PngFilter { get; set; }
}

internal sealed class RuleDocument
{
    public string? Suffix { get; set; }
    public List<RenditionDocument>? Renditions { get; set; }
}

internal sealed class RenditionDocument
{
    public string? Name { get; set; }
    public string? Resize { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public bool? Grayscale { get; set; }
    public string? Format { get; set; }
    public string? KeySuffix { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleSetDocument))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
