using NetVips;

namespace ImageProcessing.Benchmarks.Inputs;

/// <summary>
/// Draws a deterministic, photo-like RGB image: smooth colour fields, blurred texture, hard-edged
/// shapes and fine grain. A plain gradient would flatter every codec (it compresses to almost
/// nothing and decodes fast); this one encodes to sizes close to camera output.
/// </summary>
internal static class PhotoSynth
{
    public static Image Draw(int width, int height, int seed, Texture texture)
    {
        var random = new Random(seed);
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];

        var channels = new Image[3];
        for (var band = 0; band < 3; band++)
        {
            // Degrees per pixel, so a few slow waves cross the frame whatever its size.
            var fx = (180.0 + random.Next(360)) / width;
            var fy = (180.0 + random.Next(360)) / height;
            using var waveX = (x * fx + random.Next(360)).Sin();
            using var waveY = (y * fy + random.Next(360)).Cos();
            using var diagonal = ((x + y) * (fx / 2) + random.Next(360)).Sin();
            channels[band] = waveX * 55 + waveY * 40 + diagonal * 20 + 128;
        }

        using var field = channels[0].Bandjoin(channels[1], channels[2]);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        using var noise = Image.Gaussnoise(width, height, sigma: texture.Sigma, mean: 0, seed: seed);
        using var blurred = noise.Gaussblur(texture.Blur);
        using var textured = WithGrain(field + blurred, texture.Grain, seed + 1);
        using var shaped = WithShapes(textured, x, y, random);
        using var clamped = shaped.Cast(Enums.BandFormat.Uchar);
        return clamped.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static Image WithGrain(Image image, double sigma, int seed)
    {
        if (sigma <= 0)
        {
            return image;
        }

        using (image)
        using (var grain = Image.Gaussnoise(image.Width, image.Height, sigma: sigma, mean: 0, seed: seed))
        {
            return image + grain;
        }
    }

    /// <summary>Hard-edged discs in flat-ish colours: the edges real photos have and gradients lack.</summary>
    private static Image WithShapes(Image image, Image x, Image y, Random random)
    {
        var result = image.Copy();
        var size = Math.Min(image.Width, image.Height);
        for (var i = 0; i < 12; i++)
        {
            double cx = random.Next(image.Width);
            double cy = random.Next(image.Height);
            var radius = size * (0.03 + (random.NextDouble() * 0.12));
            using var dx = x - cx;
            using var dy = y - cy;
            using var distance = (dx * dx) + (dy * dy);
            using var inside = distance < radius * radius;
            double[] colour = [random.Next(256) - 128, random.Next(256) - 128, random.Next(256) - 128];
            using var tinted = result + colour;
            var next = inside.Ifthenelse(tinted, result);
            result.Dispose();
            result = next;
        }

        return result;
    }
}

/// <summary>Texture strength: blurred noise (sigma before the blur) and per-pixel grain.</summary>
internal readonly record struct Texture(double Sigma, double Blur, double Grain)
{
    /// <summary>Camera-like detail, for the lossy formats.</summary>
    public static Texture Photo { get; } = new(40, 2.5, 1.2);

    /// <summary>
    /// Soft detail and no grain: a camera-like 4096×4096 PNG is 25–40 MB, over the 10 MB upload limit,
    /// so the largest valid PNG upload is necessarily smoother than a photo (8.5 MB here).
    /// </summary>
    public static Texture Smooth { get; } = new(80, 12, 0);
}
