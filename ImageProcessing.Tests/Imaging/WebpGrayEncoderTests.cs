using System.Runtime.InteropServices;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

/// <summary>
/// A grey WebP written through libwebp's Y plane is the WebP libvips' webpsave makes of the same grey image, byte for
/// byte, at any size and quality, with alpha or without; colour and deeper images are left to libvips.
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
    [InlineData(true)] // some pixels transparent: libwebp's alpha plane
    [InlineData(false)] // all opaque: webpsave's import leaves the alpha plane out
    public void A_grey_webp_with_alpha_has_the_pixels_and_lossy_bitstream_webpsave_makes(bool transparent)
    {
        using var gray = Noisy(203, 131);
        using var alpha = transparent ? Noisy(203, 131) : (gray * 0) + 255;
        using var opacity = alpha.Cast(Enums.BandFormat.Uchar);
        using var withAlpha = gray.Bandjoin(opacity).Copy(interpretation: Enums.Interpretation.Bw);

        var encoded = WebpGrayEncoder.TryEncode(withAlpha, 85);

        // The same pixels and the same lossy bitstream; the alpha plane's lossless coding differs between libwebp 1.2
        // (Debian's, here) and the newer libwebp built into libvips, by some bytes in 33 KB.
        Assert.NotNull(encoded);
        var theirs = withAlpha.WebpsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
        using var ours = TestImages.Load(encoded);
        using var reference = TestImages.Load(theirs);
        Assert.Equal((reference.Bands, reference.HasAlpha()), (ours.Bands, ours.HasAlpha()));
        Assert.Equal(reference.WriteToMemory<byte>(), ours.WriteToMemory<byte>());
        Assert.Equal(Chunk(theirs, "VP8 "), Chunk(encoded, "VP8 "));
        Assert.InRange(encoded.Length, theirs.Length * 0.99, theirs.Length * 1.01);
        if (!transparent)
        {
            // libwebp leaves out an alpha plane that is all opaque, as webpsave's import does.
            Assert.Equal(theirs, encoded);
        }
    }

    [Fact]
    public void A_sequential_decode_gives_the_pixels_webpsave_makes()
    {
        // A grey-and-alpha PNG as a rendition hands it over: decoded as the encoder asks for rows, top to bottom.
        using var gray = Noisy(96, 1500);
        using var alpha = Noisy(96, 1500);
        using var withAlpha = gray.Bandjoin(alpha).Copy(interpretation: Enums.Interpretation.Bw);
        var png = withAlpha.PngsaveBuffer();
        using var sequential = Image.NewFromBuffer(png, access: Enums.Access.Sequential);

        var encoded = WebpGrayEncoder.TryEncode(sequential, 85);

        Assert.NotNull(encoded);
        using var ours = TestImages.Load(encoded);
        using var reference = TestImages.Load(withAlpha.WebpsaveBuffer(q: 85, keep: Enums.ForeignKeep.None));
        Assert.Equal(reference.WriteToMemory<byte>(), ours.WriteToMemory<byte>());
    }

    [Fact]
    public void Colour_and_deeper_images_are_left_to_libvips()
    {
        using var gray = Noisy(64, 48);
        using var colour = gray.Bandjoin(gray, gray);
        using var deep = gray.Cast(Enums.BandFormat.Ushort);

        Assert.Null(WebpGrayEncoder.TryEncode(colour, 85));
        Assert.Null(WebpGrayEncoder.TryEncode(deep, 85));
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
        Assert.Equal(48, (int)Marshal.OffsetOf<WebpGrayEncoder.Picture>(nameof(WebpGrayEncoder.Picture.A)));
        Assert.Equal(136, (int)Marshal.OffsetOf<WebpGrayEncoder.Picture>(nameof(WebpGrayEncoder.Picture.ErrorCode)));
    }

    /// <summary>The payload of the first RIFF chunk named <paramref name="name"/> of a WebP file.</summary>
    private static byte[] Chunk(byte[] webp, string name)
    {
        for (var at = 12; at + 8 <= webp.Length;)
        {
            var size = BitConverter.ToInt32(webp, at + 4);
            if (System.Text.Encoding.ASCII.GetString(webp, at, 4) == name)
            {
                return webp[(at + 8)..(at + 8 + size)];
            }

            at += 8 + size + (size & 1);
        }

        throw new InvalidOperationException($"no {name} chunk");
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
