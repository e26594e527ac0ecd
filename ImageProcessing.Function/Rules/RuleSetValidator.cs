using System.Text.RegularExpressions;
using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Rules;

/// <summary>Checks a parsed rules document and builds the rules from it, collecting every error with its JSON path.</summary>
internal static partial class RuleSetValidator
{
    public const int MaxRenditionDimension = 16384;

    public static List<RenditionRule> Validate(RuleSetDocument document, List<string> errors)
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

    public static EncodingOptions ToEncoding(EncodingDocument? document, List<string> errors)
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RenditionName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeySuffix();
}
