using System.Runtime.Intrinsics;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Grey from interleaved 8-bit RGB or RGBA pixels: ITU-R BT.601 luma on the encoded (gamma) values, rounded, exactly as
/// Pillow's <c>convert("L")</c> computes it — the formula of the system this one replaces, and the Y of JPEG's own YCbCr.
/// An alpha band is copied unchanged. See docs/adr/0003-grayscale-as-bt601-luma.md.
/// </summary>
public static class Luma
{
    // 0.299, 0.587 and 0.114 in 16-bit fixed point; they sum to 65536, so grey in gives the same grey out.
    private const uint Red = 19595;
    private const uint Green = 38470;
    private const uint Blue = 7471;
    private const uint Half = 32768;

    // Sixteen RGB pixels span three vectors; these pick each channel's bytes out of each vector (255: none).
    private static readonly Vector128<byte>[] RedFrom = Picks(0);
    private static readonly Vector128<byte>[] GreenFrom = Picks(1);
    private static readonly Vector128<byte>[] BlueFrom = Picks(2);

    /// <summary>Bands out for <paramref name="bands"/> in: 3 (RGB) gives 1, 4 (RGBA) gives 2.</summary>
    public static int OutputBands(int bands) => bands switch
    {
        3 => 1,
        4 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(bands), bands, "luma needs RGB or RGBA pixels"),
    };

    public static byte Of(byte red, byte green, byte blue) => (byte)Weigh(red, green, blue);

    /// <summary>Converts whole pixels of <paramref name="bands"/> bytes each from <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Convert(ReadOnlySpan<byte> source, int bands, Span<byte> target)
    {
        var outputBands = OutputBands(bands);
        CheckLengths(source.Length, bands, target.Length, outputBands);
        if (bands == 3)
        {
            ConvertRgb(source, target);
            return;
        }

        for (int from = 0, to = 0; to < target.Length; from += 4, to += 2)
        {
            var pixel = source.Slice(from, 4);
            target[to] = (byte)Weigh(pixel[0], pixel[1], pixel[2]);
            target[to + 1] = pixel[3];
        }
    }

    /// <summary>Sixteen pixels at a time in 128-bit vectors (SSSE3 on x64, NEON on arm64), with the same integer arithmetic.</summary>
    private static void ConvertRgb(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var done = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; done + 16 <= target.Length; done += 16)
            {
                var pixels = source.Slice(done * 3, 48);
                var first = Vector128.Create(pixels[..16]);
                var second = Vector128.Create(pixels.Slice(16, 16));
                var third = Vector128.Create(pixels.Slice(32, 16));
                var (redLow, redHigh) = Vector128.Widen(Pick(RedFrom, first, second, third));
                var (greenLow, greenHigh) = Vector128.Widen(Pick(GreenFrom, first, second, third));
                var (blueLow, blueHigh) = Vector128.Widen(Pick(BlueFrom, first, second, third));
                var low = Weigh(redLow, greenLow, blueLow);
                var high = Weigh(redHigh, greenHigh, blueHigh);
                Vector128.Narrow(low, high).CopyTo(target.Slice(done, 16));
            }
        }

        for (var from = done * 3; done < target.Length; done++, from += 3)
        {
            target[done] = (byte)Weigh(source[from], source[from + 1], source[from + 2]);
        }
    }

    private static Vector128<byte> Pick(Vector128<byte>[] picks, Vector128<byte> first, Vector128<byte> second, Vector128<byte> third) =>
        Vector128.Shuffle(first, picks[0]) | Vector128.Shuffle(second, picks[1]) | Vector128.Shuffle(third, picks[2]);

    private static Vector128<ushort> Weigh(Vector128<ushort> red, Vector128<ushort> green, Vector128<ushort> blue)
    {
        var (redLow, redHigh) = Vector128.Widen(red);
        var (greenLow, greenHigh) = Vector128.Widen(green);
        var (blueLow, blueHigh) = Vector128.Widen(blue);
        return Vector128.Narrow(Weigh(redLow, greenLow, blueLow), Weigh(redHigh, greenHigh, blueHigh));
    }

    private static Vector128<uint> Weigh(Vector128<uint> red, Vector128<uint> green, Vector128<uint> blue) =>
        Vector128.ShiftRightLogical((red * Red) + (green * Green) + (blue * Blue) + Vector128.Create(Half), 16);

    private static Vector128<byte>[] Picks(int channel)
    {
        var picks = new Vector128<byte>[3];
        Span<byte> lanes = stackalloc byte[16];
        for (var vector = 0; vector < 3; vector++)
        {
            for (var pixel = 0; pixel < 16; pixel++)
            {
                var at = (pixel * 3) + channel - (vector * 16);
                lanes[pixel] = at is >= 0 and < 16 ? (byte)at : byte.MaxValue;
            }

            picks[vector] = Vector128.Create<byte>(lanes);
        }

        return picks;
    }

    private static uint Weigh(uint red, uint green, uint blue) => ((red * Red) + (green * Green) + (blue * Blue) + Half) >> 16;

    private static void CheckLengths(int sourceLength, int bands, int targetLength, int outputBands)
    {
        if (sourceLength % bands != 0 || sourceLength / bands != targetLength / outputBands || targetLength % outputBands != 0)
        {
            throw new ArgumentException($"{sourceLength} values of {bands} bands do not fill {targetLength} values of {outputBands} bands");
        }
    }
}
