using System.Buffers.Binary;
using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Validation;

/// <summary>
/// Finds content that is a valid image and something else at the same time: data after the image's
/// end (PNG after IEND, WebP past its RIFF size) or an embedded archive, PDF or script anywhere.
/// Outputs are re-encoded, so a payload could not survive processing; refusing the source keeps it out
/// of the records and notifications as well.
/// </summary>
public static class PolyglotDetector
{
    /// <summary>A description of the foreign content, or null when there is none.</summary>
    public static string? Find(ImageFormat format, ReadOnlySpan<byte> content)
    {
        var trailing = format switch
        {
            ImageFormat.Png => BytesAfterPngEnd(content),
            ImageFormat.Webp => BytesAfterRiff(content),
            _ => 0,
        };

        if (trailing > 0)
        {
            return $"{trailing} bytes follow the end of the {format.Name().ToUpperInvariant()} image (a polyglot file)";
        }

        var at = ForeignSignatures.IndexOf(content);
        if (at >= 0)
        {
            return $"the file embeds foreign content at byte {at} (a polyglot file)";
        }

        return null;
    }

    private static long BytesAfterPngEnd(ReadOnlySpan<byte> content)
    {
        long position = 8;
        while (position + 12 <= content.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[(int)position..]);
            var type = content.Slice((int)position + 4, 4);
            var end = position + 12 + length;
            if (type.SequenceEqual("IEND"u8))
            {
                return Math.Max(0, content.Length - end);
            }

            position = end;
        }

        return 0; // truncated: the decoder reports it
    }

    private static long BytesAfterRiff(ReadOnlySpan<byte> content)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(content[4..]);
        var end = 8L + riffSize + (riffSize & 1);
        return Math.Max(0, content.Length - end);
    }
}
