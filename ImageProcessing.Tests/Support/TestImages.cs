using NetVips;

namespace ImageProcessing.Tests.Support;

/// <summary>Deterministic images made for the tests, encoded by libvips.</summary>
internal static class TestImages
{
    /// <summary>A smooth RGB gradient: compresses like a photo and has no flat areas.</summary>
    public static Image Gradient(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        using var red = x * (255.0 / Math.Max(1, width - 1));
        using var green = y * (255.0 / Math.Max(1, height - 1));
        using var blue = (x + y) * (255.0 / Math.Max(1, width + height - 2));
        using var joined = red.Bandjoin(green, blue);
        using var bytes = joined.Cast(Enums.BandFormat.Uchar);
        return bytes.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>Left half red, right half blue: shows which way an image was rotated.</summary>
    public static Image Halves(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var right = x >= width / 2;
        using var red = Image.Black(width, height, bands: 3) + new double[] { 255, 0, 0 };
        using var blue = Image.Black(width, height, bands: 3) + new double[] { 0, 0, 255 };
        using var chosen = right.Ifthenelse(blue, red);
        using var bytes = chosen.Cast(Enums.BandFormat.Uchar);
        return bytes.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width, int height, int quality = 90)
    {
        using var image = Gradient(width, height);
        return image.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Gradient(width, height);
        return image.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    public static byte[] Webp(int width, int height, bool lossless = false)
    {
        using var image = Gradient(width, height);
        return image.WebpsaveBuffer(q: 90, lossless: lossless, keep: Enums.ForeignKeep.None);
    }

    public static byte[] Encode(Enums.ForeignKeep keep, Image image, string format) => format switch
    {
        "jpeg" => image.JpegsaveBuffer(q: 90, keep: keep),
        "png" => image.PngsaveBuffer(keep: keep),
        "webp" => image.WebpsaveBuffer(q: 90, keep: keep),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Decodes with libvips for assertions (only JPEG, PNG and WebP loaders are enabled).</summary>
    public static Image Load(byte[] content) => Image.NewFromBuffer(content);

    public static bool HasField(Image image, string name) => image.GetTypeOf(name) != IntPtr.Zero;

    public static string TestDataPath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
