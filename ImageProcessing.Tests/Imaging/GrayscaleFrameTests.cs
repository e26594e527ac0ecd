using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

public sealed class GrayscaleFrameTests
{
    [Fact]
    public void The_frame_is_the_luma_of_every_pixel_across_strip_boundaries()
    {
        // 1000 px RGB rows: 20 rows per strip, so 99 rows end in a partial strip.
        using var source = TestImages.Gradient(1000, 99);
        using var pixels = source.CopyMemory();
        var rgb = pixels.WriteToMemory<byte>();
        var expected = new byte[1000 * 99];
        Luma.Convert(rgb, 3, expected);

        using var gray = GrayscaleFrame.From(pixels);

        Assert.Equal((1000, 99, 1), (gray.Width, gray.Height, gray.Bands));
        Assert.Equal(expected, gray.WriteToMemory<byte>());
    }

    [Fact]
    public void Converting_a_frame_allocates_no_managed_copy_of_the_colour_pixels()
    {
        using var source = TestImages.Gradient(1024, 1024);
        using var pixels = source.CopyMemory();
        using (GrayscaleFrame.From(pixels))
        {
            // Warm-up: first calls allocate for JIT and NetVips' type lookups.
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var gray = GrayscaleFrame.From(pixels);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 3 MB of RGB pass through; only the two reused strip buffers (tens of KB) are managed.
        Assert.InRange(allocated, 0, 256 * 1024);
    }

    [Fact]
    public void A_truncated_jpeg_under_the_grayscale_rule_is_corrupt_with_the_decoders_words()
    {
        var whole = TestImages.Jpeg(640, 480);
        var processor = new ImageProcessor(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);

        var result = processor.Process("uploads/cut_grayscale.jpg", whole[..(whole.Length * 6 / 10)]);

        Assert.Equal(ProcessingStatus.Rejected, result.Status);
        Assert.Equal(RejectionReason.CorruptImage, result.Rejection?.Code);
        Assert.StartsWith("the decoder found the image corrupt or truncated: ", result.Rejection!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unable to", result.Rejection.Message, StringComparison.Ordinal);
    }
}
