using ImageProcessing.Function.Imaging;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

/// <summary>
/// The shrunk JPEG decode by libjpeg-turbo: the pixels libvips' own shrink-on-load gives, the orientation carried over,
/// and everything it does not decode left to libvips.
/// </summary>
[Trait("Category", "unit")]
public sealed class TurboJpegDecoderTests
{
    private const string NotInstalled = "libturbojpeg.so.0 did not load: apt-get install libturbojpeg0 (see the README)";

    [Fact]
    public void Libjpeg_turbo_is_loaded_on_linux()
    {
        // Elsewhere libvips decodes every JPEG; the Lambda package carries its own copy (scripts/build_lambda.sh).
        Assert.True(!OperatingSystem.IsLinux() || TurboJpegDecoder.IsAvailable, NotInstalled);
    }

    [Theory]
    [InlineData(2, "420", false)]
    [InlineData(4, "420", false)]
    [InlineData(8, "420", false)]
    [InlineData(8, "444", false)]
    [InlineData(4, "420", true)] // progressive
    [InlineData(2, "grey", false)]
    [InlineData(8, "grey", true)]
    public void A_shrunk_decode_has_the_size_bands_and_pixels_of_libvips_shrink_on_load(int shrink, string kind, bool progressive)
    {
        var jpeg = Jpeg(1001, 757, kind, progressive); // odd sides: libjpeg rounds the scaled size up, libvips down

        using var decoded = Decode(jpeg, shrink, orientation: null);
        using var reference = Image.NewFromBuffer(jpeg, $"shrink={shrink}");

        Assert.Equal((reference.Width, reference.Height, reference.Bands), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.Equal((1001 / shrink, 757 / shrink), (decoded.Width, decoded.Height));
        Assert.Equal(reference.Interpretation, decoded.Interpretation);
        using var difference = (decoded - reference).Abs();
        Assert.True(difference.Max() <= 1, $"largest difference from libvips' decode: {difference.Max()} levels");
    }

    [Theory]
    [InlineData(1, "420", false)]
    [InlineData(1, "444", false)]
    [InlineData(1, "420", true)]
    [InlineData(1, "grey", false)]
    [InlineData(8, "420", false)]
    public void A_luma_only_decode_is_the_bt601_luma_of_the_colour_decode(int shrink, string kind, bool progressive)
    {
        var jpeg = Jpeg(1001, 757, kind, progressive);

        using var luma = TurboJpegDecoder.TryDecode(jpeg, shrink, orientation: null, lumaOnly: true)
            ?? throw new InvalidOperationException("TurboJPEG refused a valid JPEG");
        using var colour = Decode(jpeg, shrink, orientation: null);
        using var weighed = colour.Bands == 1 ? colour.Copy() : GrayscaleFrame.From(colour);

        Assert.Equal((1, weighed.Width, weighed.Height), (luma.Bands, luma.Width, luma.Height));
        using var difference = (luma - weighed).Abs();
        // The Y decoded is the luma before chroma subsampling and rounding to RGB, so it is never more than a level off.
        Assert.True(difference.Max() <= 1, $"largest difference from the luma of the colour decode: {difference.Max()} levels");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void An_upright_luma_decode_is_the_luma_decode_turned_by_libvips(int? orientation)
    {
        var jpeg = Jpeg(1001, 757, "420", progressive: false);

        using var upright = TurboJpegDecoder.TryDecodeUprightLuma(jpeg, orientation)
            ?? throw new InvalidOperationException("TurboJPEG refused a valid JPEG");
        using var luma = TurboJpegDecoder.TryDecode(jpeg, 1, orientation, lumaOnly: true)
            ?? throw new InvalidOperationException("TurboJPEG refused a valid JPEG");
        using var expected = luma.Autorot();

        Assert.Equal((expected.Width, expected.Height, 1), (upright.Width, upright.Height, upright.Bands));
        Assert.False(TestImages.HasField(upright, ExifOrientation.Field), "an upright frame carries no orientation to turn again");
        Assert.Equal(expected.WriteToMemory<byte>(), upright.WriteToMemory<byte>());
    }

    [Fact]
    public void An_upright_luma_decode_keeps_its_pixels_in_native_memory_and_reuses_its_turning_buffers()
    {
        var jpeg = TestImages.Jpeg(2000, 1500);
        TurboJpegDecoder.TryDecodeUprightLuma(jpeg, 6)!.Dispose();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var upright = TurboJpegDecoder.TryDecodeUprightLuma(jpeg, 6)!;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((1500, 2000), (upright.Width, upright.Height));
        Assert.True(allocated < 64 * 1024, $"{allocated:N0} managed bytes for {2000 * 1500:N0} bytes of pixels");
    }

    [Fact]
    public void A_truncated_jpeg_is_left_to_libvips_when_decoded_upright() =>
        Assert.Null(TurboJpegDecoder.TryDecodeUprightLuma(TestImages.Jpeg(800, 600)[..2000], 6));

    [Fact]
    public void A_luma_only_decode_refuses_a_profile_whose_colour_must_be_converted_first() =>
        Assert.Throws<ArgumentException>(() => TurboJpegDecoder.TryDecode(TestImages.Jpeg(64, 48), 1, orientation: null, iccProfile: [1, 2, 3], lumaOnly: true));

    [Fact]
    public void The_exif_orientation_is_carried_to_the_decoded_image()
    {
        using var decoded = Decode(TestImages.Jpeg(800, 600), 4, orientation: 6);

        Assert.Equal(6, ExifOrientation.Of(decoded));
    }

    [Fact]
    public void The_icc_profile_is_carried_to_the_decoded_image_and_converted_by_the_resize()
    {
        using var gradient = TestImages.Gradient(800, 600);
        using var p3 = gradient.IccTransform("p3", embedded: false, inputProfile: "srgb");
        var jpeg = p3.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.Icc);
        using var header = Image.NewFromBuffer(jpeg);
        var profile = (byte[])header.Get("icc-profile-data");

        using var decoded = TurboJpegDecoder.TryDecode(jpeg, 2, orientation: null, profile)
            ?? throw new InvalidOperationException("TurboJPEG refused a valid JPEG");
        using var srgb = decoded.ThumbnailImage(200, outputProfile: "srgb");

        Assert.Equal(profile, (byte[])decoded.Get("icc-profile-data"));
        using var expected = gradient.Resize(200.0 / 800);
        using var difference = (srgb - expected).Abs();
        Assert.True(difference.Avg() < 2, $"mean difference {difference.Avg():F2} from the sRGB source");
    }

    [Fact]
    public void The_decoded_pixels_live_in_native_memory_not_on_the_managed_heap()
    {
        // A warm process would otherwise hold every decoded frame until a gen-2 collection.
        var jpeg = TestImages.Jpeg(2000, 1500);
        Decode(jpeg, 2, orientation: null).Dispose();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var decoded = Decode(jpeg, 2, orientation: null);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((1000, 750), (decoded.Width, decoded.Height));
        Assert.True(allocated < 64 * 1024, $"{allocated:N0} managed bytes for {1000 * 750 * 3:N0} bytes of pixels");
    }

    [Fact]
    public void A_truncated_jpeg_is_left_to_libvips()
    {
        var whole = TestImages.Jpeg(800, 600);

        Assert.Null(TurboJpegDecoder.TryDecode(whole[..(whole.Length * 6 / 10)], 4, orientation: null));
    }

    [Fact]
    public void A_cmyk_jpeg_is_left_to_libvips()
    {
        using var gradient = TestImages.Gradient(400, 300);
        using var cmyk = gradient.Colourspace(Enums.Interpretation.Cmyk);
        var jpeg = cmyk.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);

        Assert.Null(TurboJpegDecoder.TryDecode(jpeg, 2, orientation: null));
    }

    [Fact]
    public void A_file_that_is_not_a_jpeg_is_left_to_libvips()
    {
        Assert.Null(TurboJpegDecoder.TryDecode(TestImages.Png(64, 64), 2, orientation: null));
    }

    private static Image Decode(byte[] jpeg, int shrink, int? orientation)
    {
        Assert.True(TurboJpegDecoder.IsAvailable, NotInstalled);
        return TurboJpegDecoder.TryDecode(jpeg, shrink, orientation) ?? throw new InvalidOperationException("TurboJPEG refused a valid JPEG");
    }

    private static byte[] Jpeg(int width, int height, string kind, bool progressive)
    {
        using var halves = TestImages.Halves(width, height);
        using var gradient = TestImages.Gradient(width, height);
        using var detail = ((halves * 0.7) + (gradient * 0.3) + 10).Cast(Enums.BandFormat.Uchar);
        using var image = kind == "grey" ? detail.Colourspace(Enums.Interpretation.Bw) : detail.Copy();
        return image.JpegsaveBuffer(
            q: 90,
            interlace: progressive,
            subsampleMode: kind == "444" ? Enums.ForeignSubsample.Off : Enums.ForeignSubsample.On,
            keep: Enums.ForeignKeep.None);
    }
}
