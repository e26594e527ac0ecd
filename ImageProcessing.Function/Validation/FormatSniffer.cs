using System.Text;
using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Validation;

/// <summary>
/// Identifies content from its leading bytes. The file name is never consulted: an upload is what
/// its bytes say it is.
/// </summary>
public static class FormatSniffer
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The accepted format, or null with <paramref name="description"/> naming what the bytes are.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> content, out string description)
    {
        if (content.StartsWith(Jpeg))
        {
            description = "JPEG";
            return ImageFormat.Jpeg;
        }

        if (content.StartsWith(Png))
        {
            description = "PNG";
            return ImageFormat.Png;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            description = "WebP";
            return ImageFormat.Webp;
        }

        description = DescribeOther(content);
        return null;
    }

    private static string DescribeOther(ReadOnlySpan<byte> content)
    {
        var kind = content switch
        {
            _ when content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8) => "GIF",
            _ when content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8) => "TIFF",
            _ when content.StartsWith("BM"u8) => "BMP",
            _ when content.StartsWith("%PDF"u8) => "PDF",
            _ when content.StartsWith("8BPS"u8) => "PSD",
            _ when content.StartsWith("PK\u0003\u0004"u8) => "a ZIP archive",
            _ when content.StartsWith("\0\0\u0001\0"u8) => "ICO",
            _ when content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || IsIsoBox(content, "jxl "u8) => "JPEG XL",
            _ when IsFtyp(content, out var brand) => brand switch
            {
                "avif" or "avis" => "AVIF",
                "heic" or "heix" or "hevc" or "heim" or "heis" or "mif1" or "msf1" => "HEIC/HEIF",
                _ => "an ISO media file",
            },
            _ when LooksLikeMarkup(content, out var markup) => markup,
            _ => null,
        };

        return kind is null ? "the content is not a recognised image format" : $"the content is {kind}";
    }

    private static bool IsFtyp(ReadOnlySpan<byte> content, out string brand)
    {
        brand = string.Empty;
        if (content.Length < 12 || !content[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        brand = Encoding.ASCII.GetString(content[8..12]);
        return true;
    }

    private static bool IsIsoBox(ReadOnlySpan<byte> content, ReadOnlySpan<byte> type) =>
        content.Length >= 8 && content[4..8].SequenceEqual(type);

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> content, out string kind)
    {
        var head = content[..Math.Min(content.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        kind = string.Empty;
        if (head.IsEmpty || head[0] != (byte)'<')
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(head).ToUpperInvariant();
        kind = text.Contains("<SVG", StringComparison.Ordinal) ? "SVG" : "XML/HTML markup";
        return true;
    }
}
