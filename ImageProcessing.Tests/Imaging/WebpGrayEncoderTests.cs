using System.Runtime.InteropServices;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

/// <summary>
/// A grey WebP written through libwebp's Y plane is the WebP libvips' webpsave makes of the same grey image, byte for
/// byte, at any size and quality; anything but one 8-bit band is left to libvips.
/// </summary>
[Trait("Category", "unit")]
public sealed class WebpGrayEncoderTests
{
    [Theory]
    [InlineData(203, 131, 85)] // odd sides: the chroma planes round up
    [InlineData(1, 1, 85)]
    [InlineData(640, 480, 85)]
    [InlineData(640, 480, 40)]
    [InlineData(1030, 70, 95)] // rows longer than a strip's share, several strips
    public void A_grey_webp_is_the_one_webpsave_makes(int width, int height, int quality)
    {
        Assert.True(WebpGrayEncoder.IsAvailable, "libwebp.so.7 did not load (see the README)");
        using var gray = Noisy(width, height);

        var encoded = WebpGrayEncoder.TryEncode(gray, quality);

        Assert.NotNull(encoded);
        Assert.Equal(gray.WebpsaveBuffer(q: quality, keep: Enums.ForeignKeep.None), encoded);
    }

    [Fact]
    public void Every_grey_level_gets_the_y_libwebp_computes_from_rgb()
    {
        // 300 values: the vector path and its scalar tail, every level 0-255.
        var gray = Enumerable.Range(0, 300).Select(i => (byte)(i % 256)).ToArray();
        var luma = new byte[gray.Length];

        WebpGrayEncoder.ToWebpLuma(gray, luma);

        // libwebp's VP8RGBToY(r, g, b, YUV_HALF) with r = g = b.
        var expected = gray.Select(l => (byte)(((16839 * l) + (33059 * l) + (6420 * l) + (1 << 15) + (16 << 16)) >> 16)).ToArray();
        Assert.Equal(expected, luma);
        Assert.Equal((16, 235), (luma[0], luma[255]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)] // grey with alpha: libwebp would need its alpha plane too
    public void Anything_but_one_band_is_left_to_libvips(int bands)
    {
        using var gray = Noisy(64, 48);
        using var image = bands == 3 ? gray.Bandjoin(gray, gray) : gray.Bandjoin(gray);

        Assert.Null(WebpGrayEncoder.TryEncode(image, 85));
    }

    [Fact]
    public void A_spent_budget_stops_the_encode()
    {
        using var gray = Noisy(640, 480);
        using var spent = new CancellationTokenSource();
        spent.Cancel();

        Assert.Throws<ProcessingBudgetExceededException>(() => WebpGrayEncoder.TryEncode(gray, 85, spent.Token));
    }

    [Fact]
    public void The_structures_have_the_sizes_of_libwebp_encode_h()
    {
        Assert.Equal(116, Marshal.SizeOf<WebpGrayEncoder.Config>());
        Assert.Equal(256, Marshal.SizeOf<WebpGrayEncoder.Picture>());
        Assert.Equal(104, (int)Marshal.OffsetOf<WebpGrayEncoder.Picture>(nameof(WebpGrayEncoder.Picture.CustomPointer)));
        Assert.Equal(144, (int)Marshal.OffsetOf<WebpGrayEncoder.Picture>(nameof(WebpGrayEncoder.Picture.ProgressHook)));
    }

    /// <summary>A gradient with noise over it: flat areas and detail, so both the encoder's modes are used.</summary>
    private static Image Noisy(int width, int height)
    {
        using var gradient = TestImages.Gradient(width, height);
        using var first = gradient[0];
        using var noise = Image.Gaussnoise(width, height, sigma: 20, mean: 0, seed: 7);
        using var sum = first + noise;
        return sum.Cast(Enums.BandFormat.Uchar);
    }
}
