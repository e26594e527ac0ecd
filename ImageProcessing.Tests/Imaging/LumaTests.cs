using FsCheck;
using FsCheck.Fluent;
using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Tests.Imaging;

[Trait("Category", "unit")]
public sealed class LumaTests
{
    // Pillow's convert("L") of the same pixels: L = (R·19595 + G·38470 + B·7471 + 0x8000) >> 16.
    [Theory]
    [InlineData(255, 0, 0, 76)]
    [InlineData(0, 255, 0, 150)]
    [InlineData(0, 0, 255, 29)]
    [InlineData(255, 255, 255, 255)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(200, 120, 40, 135)]
    public void Eight_bit_pixels_weigh_like_pillow(byte red, byte green, byte blue, byte expected)
    {
        Assert.Equal(expected, Luma.Of(red, green, blue));
    }

    [Fact]
    public void Rgb_rows_become_one_band()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255];
        var gray = new byte[3];

        Luma.Convert(rgb, 3, gray);

        Assert.Equal([76, 150, 29], gray);
    }

    [Fact]
    public void Alpha_is_copied_unchanged()
    {
        byte[] rgba = [255, 0, 0, 17, 0, 0, 255, 255];
        var grayAlpha = new byte[4];

        Luma.Convert(rgba, 4, grayAlpha);

        Assert.Equal([76, 17, 29, 255], grayAlpha);
    }

    [Theory]
    [InlineData(3, 6, 3)]
    [InlineData(3, 7, 2)]
    [InlineData(4, 8, 3)]
    public void Buffers_that_do_not_hold_the_same_pixels_are_refused(int bands, int sourceLength, int targetLength)
    {
        Assert.Throws<ArgumentException>(() => Luma.Convert(new byte[sourceLength], bands, new byte[targetLength]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Only_rgb_and_rgba_have_a_luma(int bands)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Luma.Convert(new byte[bands], bands, new byte[1]));
    }

    // Rows long enough for the vector path (16 pixels at a time) and for its scalar tail.
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Every_pixel_of_a_row_gets_the_luma_of_its_own_channels() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>().Filter(bytes => bytes.Length >= 3), bytes =>
        {
            var rgb = bytes[..(bytes.Length / 3 * 3)];
            var gray = new byte[rgb.Length / 3];

            Luma.Convert(rgb, 3, gray);

            return gray.Select((value, pixel) => value == Luma.Of(rgb[pixel * 3], rgb[(pixel * 3) + 1], rgb[(pixel * 3) + 2])).All(same => same);
        });

    [Fact]
    public void A_long_row_is_converted_exactly()
    {
        var rgb = Enumerable.Range(0, 3 * 1000).Select(i => (byte)((i * 37) + (i / 7))).ToArray();
        var gray = new byte[1000];

        Luma.Convert(rgb, 3, gray);

        Assert.Equal(Enumerable.Range(0, 1000).Select(p => Luma.Of(rgb[p * 3], rgb[(p * 3) + 1], rgb[(p * 3) + 2])), gray);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Grey_stays_the_same_grey() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte>(), value => Luma.Of(value, value, value) == value);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property A_brighter_channel_never_gives_a_darker_grey() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte>(), ArbMap.Default.ArbFor<byte>(), ArbMap.Default.ArbFor<byte>(), (red, green, blue) =>
            red == byte.MaxValue || Luma.Of((byte)(red + 1), green, blue) >= Luma.Of(red, green, blue));
}
