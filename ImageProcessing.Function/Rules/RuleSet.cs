using System.Security.Cryptography;

namespace ImageProcessing.Function.Rules;

/// <summary>
/// The validated rules: which renditions an upload gets, chosen by the end of its file name.
/// The longest matching suffix wins; the empty suffix is the default every set has.
/// </summary>
public sealed class RuleSet
{
    private readonly RenditionRule[] _bySuffixLength;

    internal RuleSet(IReadOnlyList<RenditionRule> rules, EncodingOptions encoding)
    {
        Rules = rules;
        Encoding = encoding;
        _bySuffixLength = [.. rules.OrderByDescending(rule => rule.Suffix.Length)];
        Fingerprint = FingerprintOf(rules, encoding);
    }

    /// <summary>
    /// Identifies what these rules make of an upload: records carry it, so reprocessing after a rules change does new
    /// work while a redelivery under the same rules does none. Equal rules give equal fingerprints, whatever the JSON's
    /// spacing, order of properties or comments.
    /// </summary>
    public string Fingerprint { get; }

    public IReadOnlyList<RenditionRule> Rules { get; }

    public EncodingOptions Encoding { get; }

    /// <summary>The original system's rules: fit 1024×1024, <c>_thumb</c> 200×200, <c>_grayscale</c> full size.</summary>
    public static RuleSet Default { get; } = RuleSetLoader.Parse(DefaultRules.Json, "built-in rules");

    private static string FingerprintOf(IReadOnlyList<RenditionRule> rules, EncodingOptions encoding)
    {
        // Records print every property with its value: a canonical text of the validated rules.
        var canonical = string.Join('\n', rules.OrderBy(rule => rule.Suffix, StringComparer.OrdinalIgnoreCase)
            .Select(rule => rule.Suffix.ToUpperInvariant() + ": " + string.Join("; ", rule.Renditions))) + "\n" + encoding;
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    /// <summary>The rule for a key or file name, e.g. <c>uploads/a/photo_thumb.png</c> → the <c>_thumb</c> rule.</summary>
    public RenditionRule Select(string keyOrFileName)
    {
        var stem = FileNames.Stem(keyOrFileName);
        foreach (var rule in _bySuffixLength)
        {
            if (stem.EndsWith(rule.Suffix, StringComparison.OrdinalIgnoreCase))
            {
                return rule;
            }
        }

        throw new InvalidOperationException("a rule set always has a default rule");
    }
}
