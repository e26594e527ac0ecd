namespace ImageProcessing.Function.Rules;

/// <summary>The renditions made for uploads whose file name (before the extension) ends with <see cref="Suffix"/>.</summary>
public sealed record RenditionRule(string Suffix, IReadOnlyList<Rendition> Renditions);
