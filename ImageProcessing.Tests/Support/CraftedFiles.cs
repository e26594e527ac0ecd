using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ImageProcessing.Tests.Support;

/// <summary>Byte-level files that no encoder would write: lying headers, foreign formats, EXIF blocks.</summary>
internal static class CraftedFiles
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A well-formed PNG whose IHDR claims the given size, with one tiny IDAT.</summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", Deflate(new byte[64]));
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>
    /// A progressive JPEG with exactly <paramref name="scans"/> scans: libjpeg's ten, then copies of the last one.
    /// Only the scan count is real; the validator counts scans before any decoder runs.
    /// </summary>
    public static byte[] JpegWithScans(int scans)
    {
        using var image = TestImages.Gradient(32, 32);
        var jpeg = image.JpegsaveBuffer(interlace: true, keep: NetVips.Enums.ForeignKeep.None);
        var lastScan = LastIndexOf(jpeg, [0xFF, 0xDA]);
        var end = jpeg.Length - 2; // EOI
        var extra = jpeg[lastScan..end];
        var copies = scans - 10;
        return copies < 0
            ? throw new ArgumentOutOfRangeException(nameof(scans), "at least libjpeg's ten")
            : [.. jpeg[..end], .. Enumerable.Repeat(extra, copies).SelectMany(bytes => bytes), 0xFF, 0xD9];
    }

    private static int LastIndexOf(byte[] data, byte[] pattern)
    {
        for (var i = data.Length - pattern.Length; i >= 0; i--)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        throw new ArgumentException("pattern not found", nameof(pattern));
    }

    public static byte[] WithTrailer(byte[] image, byte[] trailer) => [.. image, .. trailer];

    /// <summary>A 1×1 GIF89a.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""");

    /// <summary>A 1×1 24-bit BMP.</summary>
    public static byte[] Bmp()
    {
        var bytes = new byte[58];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        return bytes;
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The start of an ISO-BMFF file with the given brand (heic, avif).</summary>
    public static byte[] IsoMedia(string brand)
    {
        var bytes = new byte[32];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 24);
        "ftyp"u8.CopyTo(bytes.AsSpan(4));
        Encoding.ASCII.GetBytes(brand).CopyTo(bytes.AsSpan(8));
        Encoding.ASCII.GetBytes("mif1" + brand).CopyTo(bytes.AsSpan(16));
        return bytes;
    }

    /// <summary>
    /// Inserts an EXIF APP1 segment right after SOI with IFD0 Orientation and a GPS IFD holding a latitude.
    /// </summary>
    public static byte[] JpegWithExif(byte[] jpeg, ushort orientation, double latitude)
    {
        var tiff = ExifTiff(orientation, latitude);
        var app1 = new byte[2 + 2 + 6 + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(app1.Length - 2));
        "Exif\0\0"u8.CopyTo(app1.AsSpan(4));
        tiff.CopyTo(app1.AsSpan(10));
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    private static byte[] ExifTiff(ushort orientation, double latitude)
    {
        // Little-endian TIFF: header (8), IFD0 with 2 entries (2 + 24 + 4), GPS IFD with 2 entries, rationals.
        var bytes = new byte[8 + 30 + 30 + 24];
        var span = bytes.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);

        const int ifd0 = 8;
        const int gpsIfd = ifd0 + 30;
        const int rationals = gpsIfd + 30;
        BinaryPrimitives.WriteUInt16LittleEndian(span[ifd0..], 2);
        WriteEntry(span[(ifd0 + 2)..], tag: 0x0112, type: 3, count: 1, value: orientation); // Orientation
        WriteEntry(span[(ifd0 + 14)..], tag: 0x8825, type: 4, count: 1, value: gpsIfd); // GPS IFD pointer
        BinaryPrimitives.WriteUInt32LittleEndian(span[(ifd0 + 26)..], 0);

        BinaryPrimitives.WriteUInt16LittleEndian(span[gpsIfd..], 2);
        WriteEntry(span[(gpsIfd + 2)..], tag: 0x0001, type: 2, count: 2, value: 'N'); // GPSLatitudeRef "N\0"
        WriteEntry(span[(gpsIfd + 14)..], tag: 0x0002, type: 5, count: 3, value: rationals); // GPSLatitude
        BinaryPrimitives.WriteUInt32LittleEndian(span[(gpsIfd + 26)..], 0);

        var degrees = (uint)latitude;
        var minutes = (uint)((latitude - degrees) * 60);
        uint[] parts = [degrees, 1, minutes, 1, 0, 1];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(rationals + (i * 4))..], parts[i]);
        }

        return bytes;
    }

    private static void WriteEntry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        stream.Write(crc);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
