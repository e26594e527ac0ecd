using System.Security.Cryptography;
using NetVips;

namespace ImageProcessing.Benchmarks.Inputs;

/// <summary>
/// The benchmark's inputs. They are generated, never downloaded, so every machine measures the same
/// bytes; generated files are cached (by generator version) because a 4096×4096 WebP takes seconds
/// to encode and every BenchmarkDotNet process needs them.
/// </summary>
internal static class BenchInputs
{
    // Bump when the drawing or encoding changes, so no stale cached input is measured.
    private const string Version = "v1";

    public static readonly BenchInput Jpeg4096 = new("jpeg-4096", ".jpg", 4096, 4096, 4096, Jpeg);
    public static readonly BenchInput Png4096 = new("png-4096", ".png", 4096, 4096, 4097, Png) { Texture = Texture.Smooth };
    public static readonly BenchInput Webp4096 = new("webp-4096", ".webp", 4096, 4096, 4098, Webp);
    public static readonly BenchInput JpegExif6 = new("jpeg-exif6-1600x1200", ".jpg", 1600, 1200, 1600, Jpeg, Orientation: 6);
    public static readonly BenchInput Jpeg12Mp = new("jpeg-12mp", ".jpg", 4000, 3000, 4000, Jpeg);

    /// <summary>A phone photo taken sideways: stored 4000×3000, shown 3000×4000 (EXIF orientation 6).</summary>
    public static readonly BenchInput Jpeg12MpExif6 = new("jpeg-12mp-exif6", ".jpg", 4000, 3000, 4001, Jpeg, Orientation: 6);

    /// <summary>Not benchmarked for speed: the memory script's worst JPEG case (rotation needs random access).</summary>
    public static readonly BenchInput JpegExif6At4096 = new("jpeg-exif6-4096", ".jpg", 4096, 4096, 4099, Jpeg, Orientation: 6);

    /// <summary>
    /// Not benchmarked for speed: the memory script's worst case, the kind of file the fuzzing found. A few hundred
    /// bytes of lossless WebP with alpha that declare 4096×4096; libwebp decodes and encodes the whole frame.
    /// </summary>
    public static readonly BenchInput WebpLosslessAlpha4096 = new("webp-lossless-alpha-4096", ".webp", 4096, 4096, 0, FlatLosslessWebp);

    /// <summary>The inputs the speed benchmarks run on.</summary>
    public static IReadOnlyList<BenchInput> Speed { get; } = [Jpeg4096, Png4096, Webp4096, JpegExif6, Jpeg12Mp];

    /// <summary>The inputs scripts/compare_peers.sh measures against sharp and Pillow.</summary>
    public static IReadOnlyList<BenchInput> Peers { get; } = [Jpeg4096, Jpeg12Mp, Jpeg12MpExif6, Png4096, Webp4096];

    public static IReadOnlyList<BenchInput> All { get; } = [.. Speed, Jpeg12MpExif6, JpegExif6At4096, WebpLosslessAlpha4096];

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("BENCH_INPUT_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "imageprocessing-bench-inputs-" + Version);

    public static BenchInput ByName(string name) =>
        All.FirstOrDefault(input => input.Name == name) ?? throw new ArgumentException($"no input named '{name}'", nameof(name));

    /// <summary>The input's bytes, from the cache or freshly generated.</summary>
    public static byte[] Load(BenchInput input)
    {
        var path = Path.Combine(CacheDirectory, input.FileName);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        var bytes = input.Generate();
        Directory.CreateDirectory(CacheDirectory);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Jpeg(Image image) => image.JpegsaveBuffer(q: 90);

    private static byte[] Png(Image image) => image.PngsaveBuffer(compression: 6);

    private static byte[] Webp(Image image) => image.WebpsaveBuffer(q: 90);

    /// <summary>Ignores the drawn photo: one flat, half-transparent colour compresses to almost nothing.</summary>
    private static byte[] FlatLosslessWebp(Image photo)
    {
        using var flat = Image.Black(photo.Width, photo.Height, bands: 4) + new double[] { 90, 120, 150, 128 };
        using var pixels = flat.Cast(Enums.BandFormat.Uchar);
        return pixels.WebpsaveBuffer(lossless: true);
    }
}
