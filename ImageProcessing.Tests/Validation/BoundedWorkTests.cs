using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Validation;

/// <summary>Small valid files that would cost a hundred times a normal one end with a verdict, quickly.</summary>
[Trait("Category", "unit")]
public sealed class BoundedWorkTests
{
    [Fact]
    public void Scans_are_counted_without_decoding()
    {
        using var image = TestImages.Gradient(64, 48);

        Assert.Equal(1, JpegScans.Count(image.JpegsaveBuffer(keep: Enums.ForeignKeep.None)));
        Assert.Equal(10, JpegScans.Count(image.JpegsaveBuffer(interlace: true, keep: Enums.ForeignKeep.None))); // libjpeg's script
        using var grey = image.Colourspace(Enums.Interpretation.Bw);
        Assert.Equal(6, JpegScans.Count(grey.JpegsaveBuffer(interlace: true, keep: Enums.ForeignKeep.None)));
    }

    [Fact]
    public void A_jpeg_with_more_scans_than_encoders_write_is_rejected_before_decoding()
    {
        var limit = ImageLimits.Default.MaxJpegScans;
        var validator = new UploadValidator(ImageLimits.Default);

        Assert.Null(validator.Validate(CraftedFiles.JpegWithScans(limit), out _));
        var rejection = validator.Validate(CraftedFiles.JpegWithScans(limit + 1), out var upload);

        Assert.Null(upload);
        Assert.Equal(RejectionReason.TooManyScans, rejection?.Code);
        Assert.Contains($"{limit + 1} scans", rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_past_the_budget_is_stopped_with_a_verdict()
    {
        // A budget spent before the first rendition: the verdict, deterministically (the kill itself is tested below).
        var processor = new ImageProcessor(new ImageLimits { ProcessingBudget = TimeSpan.Zero }, RuleSet.Default, KeyLayout.Default);
        using var image = TestImages.Gradient(2048, 2048);
        var png = image.PngsaveBuffer(interlace: true, keep: Enums.ForeignKeep.None);

        var result = processor.Process("uploads/slow_grayscale.png", png);

        Assert.Equal(RejectionReason.ProcessingBudgetExceeded, result.Rejection?.Code);
        Assert.Empty(result.Outputs);
        Assert.Equal((2048, 2048), (result.Source.Width, result.Source.Height));
    }

    [Theory]
    [InlineData("uploads/a.png")]
    [InlineData("uploads/a_grayscale.png")]
    public void A_stopped_budget_kills_libvips_where_it_next_asks_for_pixels(string key)
    {
        using var image = TestImages.Gradient(512, 512);
        using var png = EncodedImage.Of(image.PngsaveBuffer(keep: Enums.ForeignKeep.None));
        var traits = VipsRenderer.Inspect(png);
        var rendition = RuleSet.Default.Select(key).Renditions[0];
        using var budget = new CancellationTokenSource();
        budget.Cancel();

        Assert.Throws<ProcessingBudgetExceededException>(() => VipsRenderer.Render(png, ImageFormat.Png, traits, rendition, EncodingOptions.Default, budget.Token));
        Assert.Equal(512, VipsRenderer.Render(png, ImageFormat.Png, traits, rendition, EncodingOptions.Default).Width);
    }

    [Theory]
    [InlineData("uploads/a.png")]
    [InlineData("uploads/a_thumb.png")]
    [InlineData("uploads/a_grayscale.png")]
    public void Within_the_budget_every_rule_renders(string key)
    {
        var processor = new ImageProcessor(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);

        Assert.Equal(UploadStatus.Processed, processor.Process(key, TestImages.Png(640, 480)).Status);
    }
}
