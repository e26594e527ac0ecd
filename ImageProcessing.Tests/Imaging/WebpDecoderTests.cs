using ImageProcessing.Function.Imaging;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

/// <summary>
/// The WebP decode by libwebp on the calling thread: the pixels libvips' own load gives, whole and scaled, alpha kept,
/// the orientation and profile carried over, and what it does not decode left to libvips.
/// </summary>
[Trait("Category", "unit")]
public sealed class WebpDecoderTests
{
    private const string NotInstalled = "libwebp.so.7 did not load: apt-get install libwebp7 (see the README)";

    [Fact]
    public void Libwebp_is_loaded_on_linux()
    {
        // Elsewhere libvips decodes every WebP; the Lambda package carries its own copy (scripts/build_lambda.sh).
        Assert.True(!OperatingSystem.IsLinux() || WebpDecoder.IsAvailable, NotInstalled);
    }

    [Theory]
    [InlineData(false, false, 1.0)]
    [InlineData(false, true, 1.0)]
    [InlineData(true, true, 1.0)]
    [InlineData(false, false, 0.25)]
    [InlineData(false, true, 0.3)]
    [InlineData(true, false, 0.5)]
    [InlineData(true, true, 0.13)]
    public void A_decode_has_the_size_bands_and_pixels_of_libvips_load(bool lossless, bool alpha, double scale)
    {
        var webp = Webp(1001, 757, lossless, alpha);
        using var reference = Image.NewFromBuffer(webp, scale == 1.0 ? "" : $"scale={scale}");

        using var decoded = Decode(webp, reference.Width, reference.Height, orientation: null);

        Assert.Equal((reference.Width, reference.Height, reference.Bands), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.Equal(alpha ? 4 : 3, decoded.Bands);
        using var difference = (decoded - reference).Abs();
        Assert.Equal(0, difference.Max());
    }

    [Fact]
    public void The_exif_orientation_is_carried_to_the_decoded_image()
    {
        using var decoded = Decode(TestImages.Webp(400, 300), 200, 150, orientation: 6);

        Assert.Equal(6, ExifOrientation.Of(decoded));
    }

    [Fact]
    public void The_icc_profile_is_carried_to_the_decoded_image_and_converted_by_the_resize()
    {
        using var gradient = TestImages.Gradient(800, 600);
        using var p3 = gradient.IccTransform("p3", embedded: false, inputProfile: "srgb");
        var webp = p3.WebpsaveBuffer(q: 95, keep: Enums.ForeignKeep.Icc);
        using var header = Image.NewFromBuffer(webp);
        var profile = IccProfile.Of(header) ?? throw new InvalidOperationException("libvips kept no profile");

        using var decoded = WebpDecoder.TryDecode(webp, 400, 300, orientation: null, profile)
            ?? throw new InvalidOperationException("libwebp refused a valid WebP");
        using var srgb = decoded.ThumbnailImage(200, outputProfile: "srgb");

        Assert.Equal(profile, IccProfile.Of(decoded));
        using var expected = gradient.Resize(200.0 / 800);
        using var difference = (srgb - expected).Abs();
        Assert.True(difference.Avg() < 2, $"mean difference {difference.Avg():F2} from the sRGB source");
    }

    [Fact]
    public void The_decoded_pixels_live_in_native_memory_not_on_the_managed_heap()
    {
        var webp = TestImages.Webp(1200, 900);
        Decode(webp, 1200, 900, orientation: null).Dispose();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var decoded = Decode(webp, 1200, 900, orientation: null);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 64 * 1024, $"{allocated:N0} managed bytes for {1200 * 900 * 3:N0} bytes of pixels");
    }

    [Fact]
    public void A_truncated_webp_is_left_to_libvips()
    {
        var whole = TestImages.Webp(800, 600);

        Assert.Null(WebpDecoder.TryDecode(whole[..(whole.Length * 6 / 10)], 800, 600, orientation: null));
    }

    [Fact]
    public void An_animation_is_left_to_libvips()
    {
        using var frames = TestImages.Gradient(64, 128);
        using var animation = frames.Mutate(fields => fields.Set(GValue.GIntType, "page-height", 64));
        var webp = animation.WebpsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);

        Assert.Null(WebpDecoder.TryDecode(webp, 64, 64, orientation: null));
    }

    [Fact]
    public void A_file_that_is_not_a_webp_is_left_to_libvips()
    {
        Assert.Null(WebpDecoder.TryDecode(TestImages.Jpeg(64, 64), 64, 64, orientation: null));
    }

    [Fact]
    public void A_size_larger_than_the_source_is_refused()
    {
        Assert.Null(WebpDecoder.TryDecode(TestImages.Webp(64, 48), 128, 96, orientation: null));
    }

    private static Image Decode(byte[] webp, int width, int height, int? orientation)
    {
        Assert.True(WebpDecoder.IsAvailable, NotInstalled);
        return WebpDecoder.TryDecode(webp, width, height, orientation) ?? throw new InvalidOperationException("libwebp refused a valid WebP");
    }

    private static byte[] Webp(int width, int height, bool lossless, bool alpha)
    {
        using var halves = TestImages.Halves(width, height);
        using var gradient = TestImages.Gradient(width, height);
        using var detail = ((halves * 0.7) + (gradient * 0.3) + 10).Cast(Enums.BandFormat.Uchar);
        using var opacity = (gradient[0] * 0.5 + 100).Cast(Enums.BandFormat.Uchar);
        using var image = alpha ? detail.Bandjoin(opacity) : detail.Copy();
        return image.WebpsaveBuffer(q: 90, lossless: lossless, keep: Enums.ForeignKeep.None);
    }
}
