namespace ImageProcessing.Function.Rules;

/// <summary>Splits the last segment of a key or path into stem and extension.</summary>
public static class FileNames
{
    public static string FileName(string keyOrPath)
    {
        var slash = keyOrPath.LastIndexOf('/');
        return slash < 0 ? keyOrPath : keyOrPath[(slash + 1)..];
    }

    /// <summary>The file name without its extension: <c>a/b/photo_thumb.png</c> → <c>photo_thumb</c>.</summary>
    public static string Stem(string keyOrPath)
    {
        var name = FileName(keyOrPath);
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? name : name[..dot];
    }

    /// <summary>The extension with its dot, or empty: <c>photo.PNG</c> → <c>.PNG</c>.</summary>
    public static string Extension(string keyOrPath)
    {
        var name = FileName(keyOrPath);
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? string.Empty : name[dot..];
    }
}
