namespace ImageProcessing.Function.Imaging;

public static class ImageFormats
{
    public static string Name(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpeg",
        ImageFormat.Png => "png",
        ImageFormat.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string ContentType(this ImageFormat format) => "image/" + format.Name();

    public static string CanonicalExtension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        ImageFormat.Webp => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>True when <paramref name="extension"/> (with dot, any case) names this format.</summary>
    public static bool IsExtensionOf(this ImageFormat format, string extension) =>
        format switch
        {
            ImageFormat.Jpeg => extension.Equals(".jpg", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase),
            ImageFormat.Png => extension.Equals(".png", StringComparison.OrdinalIgnoreCase),
            ImageFormat.Webp => extension.Equals(".webp", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

    public static bool TryParse(string? name, out ImageFormat format)
    {
        switch (name?.ToUpperInvariant())
        {
            case "JPEG" or "JPG":
                format = ImageFormat.Jpeg;
                return true;
            case "PNG":
                format = ImageFormat.Png;
                return true;
            case "WEBP":
                format = ImageFormat.Webp;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
