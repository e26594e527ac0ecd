using System.Buffers.Binary;
using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Validation;

/// <summary>
/// Reads dimensions from the format headers in managed code, so an image that claims to be huge is
/// refused before a decoder ever sees it.
/// </summary>
public static class HeaderProbe
{
    public static bool TryRead(ImageFormat format, ReadOnlySpan<byte> content, out ImageDimensions dimensions, out string error)
    {
        error = string.Empty;
        dimensions = default;
        var found = format switch
        {
            ImageFormat.Png => TryReadPng(content, out dimensions),
            ImageFormat.Jpeg => TryReadJpeg(content, out dimensions),
            ImageFormat.Webp => TryReadWebp(content, out dimensions),
            _ => false,
        };

        if (!found)
        {
            error = $"the {format.Name().ToUpperInvariant()} header is missing or truncated";
            return false;
        }

        if (dimensions.Width <= 0 || dimensions.Height <= 0)
        {
            error = $"the {format.Name().ToUpperInvariant()} header declares an empty image ({dimensions.Width}x{dimensions.Height})";
            return false;
        }

        return true;
    }

    private static bool TryReadPng(ReadOnlySpan<byte> content, out ImageDimensions dimensions)
    {
        dimensions = default;
        // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4).
        if (content.Length < 24 || !content[12..16].SequenceEqual("IHDR"u8))
        {
            return false;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(content[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(content[20..]);
        dimensions = new ImageDimensions(ClampToInt(width), ClampToInt(height));
        return true;
    }

    private static bool TryReadJpeg(ReadOnlySpan<byte> content, out ImageDimensions dimensions)
    {
        dimensions = default;
        var position = 2;
        while (position + 4 <= content.Length)
        {
            if (content[position] != 0xFF)
            {
                return false;
            }

            var marker = content[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7)
            {
                position += 2; // markers without a length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return false; // end of image or start of scan before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content[(position + 2)..]);
            if (length < 2)
            {
                return false;
            }

            if (IsStartOfFrame(marker))
            {
                if (position + 9 > content.Length)
                {
                    return false;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(content[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(content[(position + 7)..]);
                dimensions = new ImageDimensions(width, height);
                return true;
            }

            position += 2 + length;
        }

        return false;
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static bool TryReadWebp(ReadOnlySpan<byte> content, out ImageDimensions dimensions)
    {
        dimensions = default;
        if (content.Length < 30)
        {
            return false;
        }

        var chunk = content[12..16];
        var payload = content[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3) + start code 9D 01 2A, then 14-bit width and height.
            if (payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
            {
                return false;
            }

            dimensions = new ImageDimensions(
                BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF);
            return true;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (payload[0] != 0x2F)
            {
                return false;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            dimensions = new ImageDimensions((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
            return true;
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags (4), then canvas width-1 and height-1 as 24-bit little-endian values.
            dimensions = new ImageDimensions(ReadUInt24(payload[4..]) + 1, ReadUInt24(payload[7..]) + 1);
            return true;
        }

        return false;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static int ClampToInt(uint value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
