using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Rules;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Function.Processing;

/// <summary>
/// Where uploads are read from and outputs written to. Outputs mirror the upload's path under the
/// output prefix, so an output can never be mistaken for an upload (no recursion).
/// </summary>
public sealed record KeyLayout
{
    public string InputPrefix { get; init; } = PipelineDefinition.InputPrefix;
    public string OutputPrefix { get; init; } = PipelineDefinition.OutputPrefix;

    public static KeyLayout Default { get; } = new();

    public KeyLayout Validated()
    {
        CheckPrefix(InputPrefix, nameof(InputPrefix));
        CheckPrefix(OutputPrefix, nameof(OutputPrefix));
        if (InputPrefix.StartsWith(OutputPrefix, StringComparison.Ordinal) || OutputPrefix.StartsWith(InputPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"the input prefix '{InputPrefix}' and output prefix '{OutputPrefix}' must not contain one another, or outputs would trigger processing");
        }

        return this;
    }

    public bool IsUpload(string key) => key.StartsWith(InputPrefix, StringComparison.Ordinal) && key.Length > InputPrefix.Length;

    /// <summary>
    /// <c>uploads/a/b/photo_thumb.png</c> → <c>processed/a/b/photo_thumb.png</c>: the upload's path under the
    /// output prefix, with the rendition's key suffix before the extension. The upload's own extension is kept
    /// whatever it says (the output's Content-Type names its format), so two uploads never share an output key:
    /// <c>x.jpg</c>, <c>x.png</c>, <c>x.JPG</c> and <c>x</c> stay four outputs. Only a rendition with an explicit
    /// format replaces an extension that does not name that format by the format's canonical one.
    /// </summary>
    public string OutputKey(string uploadKey, Rendition rendition, ImageFormat outputFormat)
    {
        if (!IsUpload(uploadKey))
        {
            throw new ArgumentException($"'{uploadKey}' is not under the input prefix '{InputPrefix}'", nameof(uploadKey));
        }

        var relative = uploadKey[InputPrefix.Length..];
        var slash = relative.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : relative[..(slash + 1)];
        var extension = FileNames.Extension(relative);
        var stem = FileNames.Stem(relative);
        var outputExtension = rendition.Format is null || outputFormat.IsExtensionOf(extension) ? extension : outputFormat.CanonicalExtension();
        return OutputPrefix + directory + stem + rendition.KeySuffix + outputExtension;
    }

    private static void CheckPrefix(string prefix, string name)
    {
        if (string.IsNullOrEmpty(prefix) || !prefix.EndsWith('/') || prefix.StartsWith('/'))
        {
            throw new ArgumentException($"{name} '{prefix}' must be non-empty, end with '/' and not start with '/'", name);
        }
    }
}
