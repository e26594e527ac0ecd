using System.Buffers.Binary;

namespace ImageProcessing.Function.Validation;

/// <summary>
/// Counts a JPEG's scans (SOS markers) in managed code, without decoding. A progressive decoder walks every block
/// of the image once per scan, so the scan count, not the file size, bounds its work: a 1.4 MB file of a few
/// thousand legal scans costs a hundred times a normal one.
/// </summary>
public static class JpegScans
{
    /// <summary>The scans up to the end of the image, or up to the end of the data when it is cut short.</summary>
    public static int Count(ReadOnlySpan<byte> content)
    {
        var scans = 0;
        var position = 2; // after SOI
        while (position + 2 <= content.Length)
        {
            if (content[position] != 0xFF)
            {
                position++; // not at a marker: look for the next one
                continue;
            }

            var marker = content[position + 1];
            if (marker == 0xFF || marker == 0x00 || marker is >= 0xD0 and <= 0xD7 || marker == 0x01)
            {
                position += marker == 0xFF ? 1 : 2; // fill byte, stuffed zero, restart or TEM: no length
                continue;
            }

            if (marker == 0xD9)
            {
                break; // end of image
            }

            if (position + 4 > content.Length)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content[(position + 2)..]);
            position += 2 + Math.Max((int)length, 2);
            if (marker == 0xDA)
            {
                scans++;
                position = EndOfEntropyCodedData(content, position);
            }
        }

        return scans;
    }

    /// <summary>Entropy-coded data runs until a marker other than a stuffed zero or a restart marker.</summary>
    private static int EndOfEntropyCodedData(ReadOnlySpan<byte> content, int position)
    {
        while (position < content.Length)
        {
            var next = content[position..].IndexOf((byte)0xFF);
            if (next < 0 || position + next + 1 >= content.Length)
            {
                return content.Length;
            }

            position += next;
            var following = content[position + 1];
            if (following != 0x00 && following is not (>= 0xD0 and <= 0xD7) && following != 0xFF)
            {
                return position;
            }

            position += following == 0xFF ? 1 : 2;
        }

        return content.Length; // a segment length that points past the end
    }
}
