using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

/// <summary>JPEGs decoded at ½, ¼ or ⅛ by libjpeg when the rendition is smaller: the size, the orientation, the colour and the quality.</summary>
[Trait("Category", "unit")]
public sealed class ShrinkOnLoadTests
{
    private readonly ImageProcessor _processor = new(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);

    [Theory]
    [InlineData(4000, 3000, "fit", 1024, 1024, 2)] // a phone photo into 1024: decoded at 2000×1500, not at full size
    [InlineData(3000, 4000, "fit", 1024, 1024, 2)]
    [InlineData(4096, 4096, "fit", 1024, 1024, 4)]
    [InlineData(4000, 3000, "fit", 200, 200, 8)]
    [InlineData(1600, 1200, "fit", 1024, 1024, 1)] // under a factor of two: full size
    [InlineData(4000, 1000, "cover", 200, 200, 4)] // cover: the short side sets the factor
    [InlineData(4000, 3000, "fit", 1000, 400, 4)] // either orientation may be the upright one: the safer factor (7.5, not 10)
    [InlineData(4000, 3000, "none", 0, 0, 1)]
    public void The_decode_shrinks_by_the_largest_power_of_two_that_keeps_the_rendition_size(
        int width, int height, string resize, int boxWidth, int boxHeight, int shrink)
    {
        var rendition = new Rendition("r", Enum.Parse<ResizeMode>(resize, ignoreCase: true), boxWidth, boxHeight);

        Assert.Equal(shrink, VipsRenderer.JpegShrinkOnLoad(new SourceTraits(width, height, null, false), rendition));
    }

    [Fact]
    public void A_sideways_phone_photo_fitted_into_1024_is_upright_and_as_close_to_a_full_decode_as_lanczos3_makes_it()
    {
        using var halves = TestImages.Halves(4000, 3000);
        using var gradient = TestImages.Gradient(4000, 3000);
        using var detail = (halves * 0.8) + (gradient * 0.2) + 20;
        var jpeg = CraftedFiles.JpegWithExif(detail.Cast(Enums.BandFormat.Uchar).JpegsaveBuffer(q: 92, keep: Enums.ForeignKeep.None), orientation: 6, latitude: 1);

        var output = Assert.Single(_processor.Process("uploads/phone.jpg", jpeg).Outputs);

        Assert.Equal((768, 1024), (output.Image.Width, output.Image.Height));
        using var decoded = TestImages.Load(output.Image.Content);
        // Orientation 6 turns the stored image clockwise: its left (red) half is now the top.
        Assert.True(decoded.Getpoint(384, 100)[0] > 150 && decoded.Getpoint(384, 900)[2] > 150, "the output is not upright");
        using var full = Image.NewFromBuffer(jpeg);
        using var upright = full.Autorot();
        using var reference = upright.Resize(768.0 / upright.Width, kernel: Enums.Kernel.Lanczos3, vscale: 1024.0 / upright.Height);
        using var difference = (decoded - reference).Abs();
        Assert.True(difference.Avg() < 1.5, $"mean difference from a full decode {difference.Avg():F2} levels");
    }

    [Fact]
    public void A_large_wide_gamut_jpeg_is_converted_to_srgb_when_decoded_shrunk()
    {
        using var gradient = TestImages.Gradient(4000, 3000);
        using var p3 = gradient.IccTransform("p3", embedded: false, inputProfile: "srgb");
        var jpeg = p3.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.Icc);

        var output = Assert.Single(_processor.Process("uploads/wide-gamut.jpg", jpeg).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        Assert.Equal((1024, 768, 3), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.False(TestImages.HasField(decoded, "icc-profile-data"));
        // Back in sRGB: the pixels are the source gradient's, not its P3 encoding read as sRGB.
        using var expected = gradient.Resize(1024.0 / 4000);
        using var unconverted = p3.Resize(1024.0 / 4000);
        using var fromExpected = (decoded - expected).Abs();
        using var fromUnconverted = (decoded - unconverted).Abs();
        Assert.True(fromExpected.Avg() < 2 && fromExpected.Avg() < fromUnconverted.Avg() / 2,
            $"mean difference {fromExpected.Avg():F2} from sRGB, {fromUnconverted.Avg():F2} from the P3 encoding");
    }
}
