using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Rules;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

/// <summary>
/// WebP renditions decoded by libwebp on the calling thread are the renditions libvips' own thumbnail makes: the same
/// decode size, so the same pixels and the same encoded bytes, for every kind of box, orientation and alpha.
/// </summary>
[Trait("Category", "unit")]
public sealed class WebpRenditionTests
{
    [Theory]
    [InlineData(1500, 1100, "fit", 1024, 1024, null, false)]
    [InlineData(1500, 1100, "fit", 200, 200, null, false)]
    [InlineData(1100, 1500, "fit", 1000, 400, null, false)]
    [InlineData(1500, 1100, "cover", 200, 200, null, false)]
    [InlineData(1500, 1100, "fit", 1000, 400, 6, false)] // the box is turned for the sideways source
    [InlineData(1500, 1100, "cover", 300, 100, 8, true)]
    [InlineData(1500, 1100, "fit", 200, 200, null, true)] // alpha
    [InlineData(600, 450, "fit", 1024, 1024, null, false)] // smaller than the box: decoded whole, never enlarged
    public void A_webp_rendition_is_the_one_libvips_thumbnail_makes(
        int width, int height, string resize, int boxWidth, int boxHeight, int? orientation, bool alpha)
    {
        Assert.True(WebpDecoder.IsAvailable, "libwebp.so.7 did not load (see the README)");
        var webp = Webp(width, height, orientation, alpha);
        var rendition = new Rendition("r", Enum.Parse<ResizeMode>(resize, ignoreCase: true), boxWidth, boxHeight);
        using var content = EncodedImage.Of(webp);
        var traits = VipsRenderer.Inspect(content);
        Assert.Equal(orientation, traits.Orientation);

        var rendered = VipsRenderer.Render(content, ImageFormat.Webp, traits, rendition, EncodingOptions.Default);

        using var reference = Image.ThumbnailBuffer(webp, boxWidth, height: boxHeight, size: Enums.Size.Down,
            crop: rendition.Resize == ResizeMode.Cover ? Enums.Interesting.Centre : null);
        Assert.Equal((reference.Width, reference.Height), (rendered.Width, rendered.Height));
        Assert.Equal(VipsRenderer.Encode(reference, ImageFormat.Webp, EncodingOptions.Default), rendered.Content);
    }

    [Fact]
    public void A_wide_gamut_webp_rendition_is_converted_to_srgb_as_libvips_thumbnail_converts_it()
    {
        using var gradient = TestImages.Gradient(1500, 1100);
        using var p3 = gradient.IccTransform("p3", embedded: false, inputProfile: "srgb");
        var webp = TestImages.Encode(Enums.ForeignKeep.Icc, p3, "webp");
        using var content = EncodedImage.Of(webp);
        var traits = VipsRenderer.Inspect(content);
        var rendition = new Rendition("r", ResizeMode.Fit, 1024, 1024);

        var rendered = VipsRenderer.Render(content, ImageFormat.Webp, traits, rendition, EncodingOptions.Default);

        Assert.True(traits.HasIccProfile);
        using var reference = Image.ThumbnailBuffer(webp, 1024, height: 1024, size: Enums.Size.Down, outputProfile: "srgb");
        Assert.Equal(VipsRenderer.Encode(reference, ImageFormat.Webp, EncodingOptions.Default), rendered.Content);
    }

    [Theory]
    [InlineData(4096, 4096, "fit", 1024, 1024, null, 1024, 1024)]
    [InlineData(4000, 3000, "fit", 1024, 1024, null, 1024, 768)]
    [InlineData(4000, 3000, "fit", 1024, 1024, 6, 1024, 768)]
    [InlineData(4000, 3000, "fit", 1000, 400, null, 533, 400)] // 7.5: rint(533.3), 400
    [InlineData(4000, 3000, "fit", 1000, 400, 6, 400, 300)] // the box turned to 400×1000: 4000/400 = 10, not 3000/400 = 7.5
    [InlineData(4000, 1000, "cover", 200, 200, null, 800, 200)]
    [InlineData(801, 601, "fit", 200, 200, null, 200, 150)] // 4.005: rint(150.06)
    [InlineData(900, 500, "fit", 1024, 1024, null, 900, 500)]
    [InlineData(3000, 2000, "none", 0, 0, 6, 3000, 2000)]
    public void The_decode_size_is_the_one_libvips_thumbnail_asks_libwebp_for(
        int width, int height, string resize, int boxWidth, int boxHeight, int? orientation, int decodedWidth, int decodedHeight)
    {
        var rendition = new Rendition("r", Enum.Parse<ResizeMode>(resize, ignoreCase: true), boxWidth, boxHeight);

        var size = VipsRenderer.WebpDecodeSize(new SourceTraits(width, height, null, false, orientation), rendition);

        Assert.Equal((decodedWidth, decodedHeight), size);
    }

    private static byte[] Webp(int width, int height, int? orientation, bool alpha)
    {
        using var halves = TestImages.Halves(width, height);
        using var gradient = TestImages.Gradient(width, height);
        using var detail = ((halves * 0.7) + (gradient * 0.3) + 10).Cast(Enums.BandFormat.Uchar);
        using var opacity = ((gradient[1] * 0.5) + 100).Cast(Enums.BandFormat.Uchar);
        using var joined = alpha ? detail.Bandjoin(opacity) : detail.Copy();
        using var image = orientation is { } turn ? ExifOrientation.With(joined, turn) : joined.Copy();
        return image.WebpsaveBuffer(q: 85, keep: orientation is null ? Enums.ForeignKeep.None : Enums.ForeignKeep.Exif);
    }
}
