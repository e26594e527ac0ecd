using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;

namespace ImageProcessing.Tests.Rules;

[Trait("Category", "unit")]
public sealed class KeyLayoutTests
{
    private static readonly Rendition Main = new("main", ResizeMode.None, 0, 0);

    [Theory]
    [InlineData("uploads/a/b/photo_thumb.png", ImageFormat.Png, "processed/a/b/photo_thumb.png")]
    [InlineData("uploads/photo.JPG", ImageFormat.Jpeg, "processed/photo.JPG")]
    [InlineData("uploads/photo.jpeg", ImageFormat.Jpeg, "processed/photo.jpeg")]
    [InlineData("uploads/photo.png", ImageFormat.Jpeg, "processed/photo.png")]
    [InlineData("uploads/noextension", ImageFormat.Webp, "processed/noextension")]
    [InlineData("uploads/my photo+1 ü.png", ImageFormat.Png, "processed/my photo+1 ü.png")]
    public void Outputs_mirror_the_upload_under_the_output_prefix(string key, ImageFormat format, string expected) =>
        Assert.Equal(expected, KeyLayout.Default.OutputKey(key, Main, format));

    [Theory]
    [InlineData("uploads/photo.png", ImageFormat.Webp, "processed/photo.webp")]
    [InlineData("uploads/photo.WEBP", ImageFormat.Webp, "processed/photo.WEBP")]
    [InlineData("uploads/photo", ImageFormat.Jpeg, "processed/photo.jpg")]
    public void A_rendition_with_its_own_format_names_it_in_the_extension(string key, ImageFormat format, string expected) =>
        Assert.Equal(expected, KeyLayout.Default.OutputKey(key, Main with { Format = format }, format));

    [Fact]
    public void Key_suffixes_go_before_the_extension() =>
        Assert.Equal("processed/p_cover.png", KeyLayout.Default.OutputKey("uploads/p.png", Main with { KeySuffix = "_cover" }, ImageFormat.Png));

    [Theory]
    [InlineData("uploads/x.png", true)]
    [InlineData("uploads/", false)]
    [InlineData("processed/x.png", false)]
    [InlineData("Uploads/x.png", false)]
    [InlineData("x/uploads/x.png", false)]
    public void Only_keys_under_the_input_prefix_are_uploads(string key, bool expected) =>
        Assert.Equal(expected, KeyLayout.Default.IsUpload(key));

    [Theory]
    [InlineData("uploads/", "uploads/out/")]
    [InlineData("in/", "in/")]
    [InlineData("in", "out/")]
    [InlineData("", "out/")]
    public void Overlapping_or_malformed_prefixes_are_refused(string input, string output) =>
        Assert.Throws<ArgumentException>(() => new KeyLayout { InputPrefix = input, OutputPrefix = output }.Validated());
}
