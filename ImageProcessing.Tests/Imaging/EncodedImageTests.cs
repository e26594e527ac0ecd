using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Rules;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Imaging;

[Trait("Category", "unit")]
public sealed class EncodedImageTests
{
    private static readonly string[] Keys = ["x.jpg", "x_thumb.jpg", "x_grayscale.jpg", "x_thumb.jpg", "x.jpg"];

    public static TheoryData<ImageFormat> Formats => [ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Webp];

    [Theory]
    [MemberData(nameof(Formats))]
    public void One_source_serves_the_header_and_every_rendition_in_any_order_as_fresh_sources_do(ImageFormat format)
    {
        var bytes = Upload(format);
        var original = bytes.ToArray();
        var renditions = Keys.Select(key => RuleSet.Default.Select(key).Renditions[0]).ToList();

        using var shared = EncodedImage.Of(bytes);
        var traits = VipsRenderer.Inspect(shared);
        var fromShared = renditions.Select(r => VipsRenderer.Render(shared, format, traits, r, EncodingOptions.Default)).ToList();

        for (var i = 0; i < renditions.Count; i++)
        {
            using var fresh = EncodedImage.Of(bytes);
            var alone = VipsRenderer.Render(fresh, format, VipsRenderer.Inspect(fresh), renditions[i], EncodingOptions.Default);
            Assert.Equal(alone.Content, fromShared[i].Content);
        }

        Assert.Equal((1200, 800), (traits.Width, traits.Height));
        Assert.Equal(original, bytes); // read in place, never written
    }

    [Fact]
    public void A_corrupt_upload_is_refused_from_the_source_as_from_a_buffer()
    {
        var truncated = TestImages.Jpeg(600, 400)[..2000];
        using var content = EncodedImage.Of(truncated);
        var traits = VipsRenderer.Inspect(content);
        var rendition = RuleSet.Default.Select("x.jpg").Renditions[0];

        var error = Assert.Throws<CorruptImageException>(() => VipsRenderer.Render(content, ImageFormat.Jpeg, traits, rendition, EncodingOptions.Default));
        Assert.StartsWith("the decoder found the image corrupt or truncated", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Upload(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => TestImages.Jpeg(1200, 800),
        ImageFormat.Png => TestImages.Png(1200, 800),
        _ => TestImages.Webp(1200, 800),
    };
}
