using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Imaging;

/// <summary>
/// libvips keeps one error buffer for the whole process, and NetVips clears it whenever it reads it. Tests that assert
/// a decoder's exact words therefore run alone, not beside tests that make libvips fail.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibvipsErrorBuffer
{
    public const string Name = "libvips error buffer";
}

[Collection(LibvipsErrorBuffer.Name)]
[Trait("Category", "unit")]
public sealed class DecoderMessageTests
{
    private readonly ImageProcessor _processor = new(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);

    [Theory]
    [InlineData("uploads/cut.jpg")]
    [InlineData("uploads/cut_grayscale.jpg")]
    [InlineData("uploads/cut_thumb.jpg")] // decoded shrunk: libjpeg-turbo refuses it, and libvips gives the verdict
    public void A_truncated_jpeg_is_rejected_in_libjpegs_words_under_every_rule(string key)
    {
        // The grayscale rule meets the error while reading strips, the resize rules while encoding.
        var whole = TestImages.Jpeg(640, 480);

        var result = _processor.Process(key, whole[..(whole.Length * 6 / 10)]);

        Assert.Equal(UploadStatus.Rejected, result.Status);
        Assert.Equal(RejectionReason.CorruptImage, result.Rejection?.Code);
        Assert.Equal("the decoder found the image corrupt or truncated: VipsJpeg: premature end of JPEG image", result.Rejection!.Message);
    }

    [Fact]
    public void A_truncated_sideways_jpeg_refused_by_the_upright_luma_decode_gets_libjpegs_words()
    {
        var whole = CraftedFiles.JpegWithExif(TestImages.Jpeg(640, 480), orientation: 6, latitude: 10);

        var result = _processor.Process("uploads/cut_sideways_grayscale.jpg", whole[..(whole.Length * 6 / 10)]);

        Assert.Equal(RejectionReason.CorruptImage, result.Rejection?.Code);
        Assert.Equal("the decoder found the image corrupt or truncated: VipsJpeg: premature end of JPEG image", result.Rejection!.Message);
    }
}
