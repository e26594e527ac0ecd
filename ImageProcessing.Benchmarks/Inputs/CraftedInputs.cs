using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using NetVips;

namespace ImageProcessing.Benchmarks.Inputs;

/// <summary>
/// Small, valid files that cost far more than ordinary images of their size, for scripts/measure_crafted.sh.
/// The many-scan JPEGs need jpegtran: this writes the scan scripts and the script runs it.
/// </summary>
internal static class CraftedInputs
{
    public static int Write(string directory, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "jpeg-4096-baseline.jpg"), BenchInputs.Load(BenchInputs.Jpeg4096));
        File.WriteAllText(Path.Combine(directory, "scans-64.txt"), SpectralBands());
        var chunks = Directory.CreateDirectory(Path.Combine(directory, "many-scans"));
        foreach (var (script, i) in BitByBitChunks().Select((script, i) => (script, i)))
        {
            File.WriteAllText(Path.Combine(chunks.FullName, string.Create(CultureInfo.InvariantCulture, $"chunk-{i:D2}.txt")), script);
        }

        // Flat colour: a small file whose decode still inflates and de-interlaces 4096 x 4096 x 6 bytes.
        using var flat = Image.Black(4096, 4096, bands: 3) + new double[] { 40, 90, 160 };
        using var deep = (flat * 257).Cast(Enums.BandFormat.Ushort);
        using var sixteenBit = deep.Copy(interpretation: Enums.Interpretation.Rgb16);
        Save(directory, "png-4096-adam7-16bit.png", sixteenBit.PngsaveBuffer(interlace: true, compression: 9, bitdepth: 16, keep: Enums.ForeignKeep.None), log);

        using var flatPixels = flat.Cast(Enums.BandFormat.Uchar);
        Save(directory, "png-4096-one-byte-idats.png", OneByteIdats(flatPixels.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None)), log);

        using var photo = Image.NewFromBuffer(BenchInputs.Load(BenchInputs.Jpeg4096));
        Save(directory, "webp-4096-lossless.webp", photo.WebpsaveBuffer(lossless: true, keep: Enums.ForeignKeep.None), log);

        using var frame = Image.NewFromBuffer(BenchInputs.Load(BenchInputs.Jpeg4096)).ExtractArea(0, 0, 1024, 1024);
        using var frames = Image.Arrayjoin([.. Enumerable.Repeat(frame, 64)], across: 1);
        using var animation = frames.Mutate(m => m.Set(GValue.GIntType, "page-height", 1024));
        Save(directory, "webp-1024-64-frames.webp", animation.WebpsaveBuffer(q: 50, keep: Enums.ForeignKeep.None), log);
        return 0;
    }

    private static void Save(string directory, string name, byte[] bytes, TextWriter log)
    {
        File.WriteAllBytes(Path.Combine(directory, name), bytes);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{bytes.Length}"));
    }

    /// <summary>One DC scan, then each component's 63 AC coefficients in 21 bands of three: 64 scans.</summary>
    private static string SpectralBands()
    {
        var script = new StringBuilder("0,1,2: 0-0, 0, 0;\n");
        for (var component = 0; component < 3; component++)
        {
            for (var start = 1; start <= 61; start += 3)
            {
                script.Append(CultureInfo.InvariantCulture, $"{component}: {start}-{start + 2}, 0, 0;\n");
            }
        }

        return script.ToString();
    }

    /// <summary>
    /// Every component and coefficient sent with successive approximation down to single bits, all legal: one DC
    /// scan, then 11 scans for each of 3 × 63 AC coefficients (2,080 scans). jpegtran takes at most 100 scans a
    /// script, and a script needs the DC scan: so each chunk is the DC scan and the chains of nine coefficients,
    /// and <see cref="SpliceScans"/> joins the chunks' AC scans after one DC scan.
    /// </summary>
    private static IEnumerable<string> BitByBitChunks()
    {
        const int Bits = 10; // the deepest successive approximation libjpeg allows for 8-bit samples (MAX_AH_AL)
        var chains = (from component in Enumerable.Range(0, 3)
                      from coefficient in Enumerable.Range(1, 63)
                      select (component, coefficient)).ToList();
        foreach (var chunk in chains.Chunk(9))
        {
            var script = new StringBuilder("0,1,2: 0-0, 0, 0;\n");
            foreach (var (component, coefficient) in chunk)
            {
                script.Append(CultureInfo.InvariantCulture, $"{component}: {coefficient}-{coefficient}, 0, {Bits};\n");
                for (var bit = Bits; bit >= 1; bit--)
                {
                    script.Append(CultureInfo.InvariantCulture, $"{component}: {coefficient}-{coefficient}, {bit}, {bit - 1};\n");
                }
            }

            yield return script.ToString();
        }
    }

    /// <summary>The first file up to its end, then every later file's segments after its first (DC) scan.</summary>
    public static int SpliceScans(string output, IReadOnlyList<string> inputs, TextWriter log)
    {
        using var spliced = new MemoryStream();
        for (var i = 0; i < inputs.Count; i++)
        {
            var jpeg = File.ReadAllBytes(inputs[i]);
            var end = jpeg.Length - 2; // EOI
            var start = i == 0 ? 0 : AfterFirstScan(jpeg);
            spliced.Write(jpeg.AsSpan(start, end - start));
        }

        spliced.Write([0xFF, 0xD9]);
        File.WriteAllBytes(output, spliced.ToArray());
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}\t{spliced.Length}"));
        return 0;
    }

    private static int AfterFirstScan(byte[] jpeg)
    {
        var sos = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        var position = sos + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(sos + 2));
        while (position + 1 < jpeg.Length)
        {
            if (jpeg[position] == 0xFF && jpeg[position + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7))
            {
                return position;
            }

            position++;
        }

        throw new InvalidDataException("no marker after the first scan");
    }

    /// <summary>The same PNG with its image data cut into one-byte IDAT chunks, each with its own CRC.</summary>
    private static byte[] OneByteIdats(byte[] png)
    {
        using var output = new MemoryStream();
        output.Write(png.AsSpan(0, 8));
        var data = new MemoryStream();
        var position = 8;
        var wroteData = false;
        while (position < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            var chunk = png.AsSpan(position, 12 + length);
            if (type == "IDAT")
            {
                data.Write(png.AsSpan(position + 8, length));
            }
            else
            {
                if (type == "IEND" && !wroteData)
                {
                    foreach (var b in data.ToArray())
                    {
                        WriteChunk(output, "IDAT", [b]);
                    }

                    wroteData = true;
                }

                output.Write(chunk);
            }

            position += 12 + length;
        }

        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)payload.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(payload);
        var crc = new Crc32();
        crc.Append(header[4..]);
        crc.Append(payload);
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, crc.GetCurrentHashAsUInt32());
        output.Write(sum);
    }
}
