using ImageProcessing.Function.Imaging;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Imaging;

[Trait("Category", "unit")]
public sealed class GrayscaleFrameTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void The_frame_is_the_luma_of_every_pixel_across_strip_boundaries(int bands)
    {
        // 1000 px rows: 20 (RGB) or 15 (RGBA) rows per strip, so 99 rows end in a partial strip.
        using var gradient = TestImages.Gradient(1000, 99);
        using var source = bands == 4 ? gradient.Bandjoin(gradient[0]) : gradient.Copy();
        using var pixels = source.CopyMemory();
        var colour = pixels.WriteToMemory<byte>();
        var expected = new byte[1000 * 99 * Luma.OutputBands(bands)];
        Luma.Convert(colour, bands, expected);

        using var gray = GrayscaleFrame.From(pixels);

        Assert.Equal((1000, 99, Luma.OutputBands(bands)), (gray.Width, gray.Height, gray.Bands));
        Assert.Equal(expected, gray.WriteToMemory<byte>());
    }

    [Fact]
    public void Converting_a_frame_allocates_no_managed_copy_of_the_colour_pixels()
    {
        using var source = TestImages.Gradient(1024, 1024);
        using var pixels = source.CopyMemory();
        for (var warmUp = 0; warmUp < 2; warmUp++)
        {
            // First calls allocate for JIT and NetVips' type lookups.
            using var _ = GrayscaleFrame.From(pixels);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var gray = GrayscaleFrame.From(pixels);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 3 MB of RGB pass through; only the two reused strip buffers (tens of KB) are managed.
        Assert.InRange(allocated, 0, 256 * 1024);
    }
}
