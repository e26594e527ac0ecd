using ImageProcessing.Function.Imaging;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

/// <summary>The managed turn of a grey frame: every EXIF orientation gives libvips' autorot pixels, across strips.</summary>
[Trait("Category", "unit")]
public sealed class UprightFrameTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Every_orientation_gives_the_pixels_of_libvips_autorot(int orientation)
    {
        // Odd sides, and both taller and wider than a strip, so partial strips and both turns are covered.
        const int width = 203, height = 131;
        var pixels = new byte[width * height];
        new Random(orientation).NextBytes(pixels);

        using var turned = UprightFrame.Create(pixels, width, height, orientation);
        using var stored = Image.NewFromMemory(pixels, width, height, 1, Enums.BandFormat.Uchar);
        using var oriented = ExifOrientation.With(stored, orientation);
        using var expected = oriented.Autorot();

        Assert.Equal((expected.Width, expected.Height, 1), (turned.Width, turned.Height, turned.Bands));
        Assert.Equal(expected.WriteToMemory<byte>(), turned.WriteToMemory<byte>());
    }

    [Fact]
    public void A_pooled_source_longer_than_the_frame_is_read_only_as_far_as_the_frame()
    {
        var pixels = Enumerable.Range(0, 6).Select(i => (byte)(i + 1)).Concat(Enumerable.Repeat((byte)255, 10)).ToArray();

        using var turned = UprightFrame.Create(pixels, 3, 2, 6);

        // Stored rows 1 2 3 / 4 5 6, turned clockwise.
        Assert.Equal(new byte[] { 4, 1, 5, 2, 6, 3 }, turned.WriteToMemory<byte>());
    }

    [Fact]
    public void A_source_shorter_than_the_frame_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UprightFrame.Create(new byte[5], 3, 2, 6));
}
