using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;
using NetVips;

namespace ImageProcessing.Tests.Imaging;

[Trait("Category", "unit")]
public sealed class RenditionTests
{
    private readonly ImageProcessor _processor = new(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);

    public static TheoryData<string, string, int, int, bool> RuleCases()
    {
        var data = new TheoryData<string, string, int, int, bool>();
        foreach (var format in new[] { "jpeg", "png", "webp" })
        {
            data.Add(format, "photo", 1024, 768, false);
            data.Add(format, "photo_thumb", 200, 150, false);
            data.Add(format, "photo_GrayScale", 2000, 1500, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Each_rule_gives_the_exact_size_in_the_source_format(string format, string stem, int width, int height, bool gray)
    {
        using var source = TestImages.Gradient(2000, 1500);
        var content = TestImages.Encode(Enums.ForeignKeep.None, source, format);
        var extension = format == "jpeg" ? ".jpg" : "." + format;

        var result = _processor.Process($"uploads/a/b/{stem}{extension}", content);

        Assert.Equal(UploadStatus.Processed, result.Status);
        var output = Assert.Single(result.Outputs);
        Assert.Equal($"processed/a/b/{stem}{extension}", output.Key);
        Assert.Equal(format, output.Image.Format.Name());
        Assert.Equal((width, height), (output.Image.Width, output.Image.Height));
        using var decoded = TestImages.Load(output.Image.Content);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        // WebP stores grey as RGB, so compare channels rather than count bands.
        var pixel = decoded.Getpoint(width * 3 / 4, height / 5);
        Assert.Equal(gray, pixel.Length == 1 || (Math.Abs(pixel[0] - pixel[1]) < 3 && Math.Abs(pixel[1] - pixel[2]) < 3));
        Assert.Equal(Enum.Parse<ImageFormat>(format, ignoreCase: true), result.Source.Format);
        Assert.Equal((2000, 1500), (result.Source.Width, result.Source.Height));
    }

    [Theory]
    [InlineData("small.jpg")]
    [InlineData("small_thumb.jpg")]
    public void Images_are_never_enlarged(string name)
    {
        var result = _processor.Process("uploads/" + name, TestImages.Jpeg(120, 90));

        var output = Assert.Single(result.Outputs);
        Assert.Equal((120, 90), (output.Image.Width, output.Image.Height));
    }

    [Fact]
    public void Exif_orientation_is_applied_and_all_exif_including_gps_is_removed()
    {
        using var halves = TestImages.Halves(300, 200);
        var jpeg = CraftedFiles.JpegWithExif(halves.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.None), orientation: 6, latitude: 48.85);
        using (var input = TestImages.Load(jpeg))
        {
            Assert.Equal(6, input.Get("orientation"));
            Assert.True(TestImages.HasField(input, "exif-ifd3-GPSLatitude"));
        }

        var result = _processor.Process("uploads/phone.jpg", jpeg);

        var output = Assert.Single(result.Outputs);
        Assert.Equal((200, 300), (output.Image.Width, output.Image.Height));
        using var decoded = TestImages.Load(output.Image.Content);
        Assert.False(TestImages.HasField(decoded, "exif-data"));
        Assert.DoesNotContain(decoded.GetFields(), field => field.StartsWith("exif-", StringComparison.Ordinal));
        Assert.False(TestImages.HasField(decoded, "orientation") && (int)decoded.Get("orientation") != 1);
        // Orientation 6 turns the stored image clockwise: its left (red) half is now the top.
        var top = decoded.Getpoint(100, 20);
        var bottom = decoded.Getpoint(100, 280);
        Assert.True(top[0] > 200 && top[2] < 60, $"top should be red, was {string.Join(',', top)}");
        Assert.True(bottom[2] > 200 && bottom[0] < 60, $"bottom should be blue, was {string.Join(',', bottom)}");
    }

    [Fact]
    public void Grayscale_of_an_exif_rotated_jpeg_is_full_size_and_upright()
    {
        using var halves = TestImages.Halves(300, 200);
        var jpeg = CraftedFiles.JpegWithExif(halves.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.None), orientation: 6, latitude: 10);

        var output = Assert.Single(_processor.Process("uploads/phone_grayscale.jpg", jpeg).Outputs);

        Assert.Equal((200, 300), (output.Image.Width, output.Image.Height));
        using var decoded = TestImages.Load(output.Image.Content);
        Assert.Equal(1, decoded.Bands);
        Assert.DoesNotContain(decoded.GetFields(), field => field.StartsWith("exif-", StringComparison.Ordinal));
        // Red (the stored left half) is brighter in grey than blue and must now be on top.
        var top = decoded.Getpoint(100, 20)[0];
        var bottom = decoded.Getpoint(100, 280)[0];
        Assert.True(top > bottom + 20, $"top {top} should be brighter than bottom {bottom}");
    }

    [Fact]
    public void Grayscale_of_an_exif_rotated_grey_jpeg_is_upright()
    {
        using var halves = TestImages.Halves(300, 200);
        using var grey = halves.Colourspace(Enums.Interpretation.Bw);
        var jpeg = CraftedFiles.JpegWithExif(grey.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.None), orientation: 6, latitude: 10);

        var output = Assert.Single(_processor.Process("uploads/scan_grayscale.jpg", jpeg).Outputs);

        Assert.Equal((200, 300), (output.Image.Width, output.Image.Height));
        using var decoded = TestImages.Load(output.Image.Content);
        Assert.True(decoded.Getpoint(100, 20)[0] > decoded.Getpoint(100, 280)[0] + 20, "the brighter (red) half should be on top");
    }

    [Fact]
    public void Png_outputs_are_filtered_before_compression()
    {
        var unfiltered = new ImageProcessor(
            ImageLimits.Default,
            RuleSetLoader.Parse("""{ "encoding": { "pngCompression": 6, "pngFilter": "none" }, "rules": [ { "suffix": "", "renditions": [ { "name": "fit-1024", "resize": "fit", "width": 1024, "height": 1024 } ] } ] }""", "test"),
            KeyLayout.Default);
        var png = TestImages.Png(2000, 1500);

        var filtered = Assert.Single(_processor.Process("uploads/photo.png", png).Outputs);
        var plain = Assert.Single(unfiltered.Process("uploads/photo.png", png).Outputs);

        Assert.True(filtered.Image.Content.Length < plain.Image.Content.Length * 0.8, $"filtered {filtered.Image.Content.Length} bytes, unfiltered {plain.Image.Content.Length}");
        using var a = TestImages.Load(filtered.Image.Content);
        using var b = TestImages.Load(plain.Image.Content);
        Assert.Equal(0, (a - b).Abs().Max());
    }

    [Fact]
    public void Grayscale_of_an_srgb_jpeg_is_its_decoded_luma()
    {
        var jpeg = TestImages.Jpeg(640, 480);

        var output = Assert.Single(_processor.Process("uploads/photo_grayscale.jpg", jpeg).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        using var luma = TurboJpegDecoder.TryDecode(jpeg, 1, orientation: null, lumaOnly: true)!;
        using var encoded = TestImages.Load(VipsRenderer.Encode(luma, ImageFormat.Jpeg, RuleSet.Default.Encoding));
        Assert.Equal(0, (decoded - encoded).Abs().Max());
    }

    [Fact]
    public void Grayscale_of_a_wide_gamut_jpeg_is_the_luma_of_its_srgb_colours()
    {
        using var gradient = TestImages.Gradient(640, 480);
        using var p3 = gradient.IccTransform("p3", embedded: false, inputProfile: "srgb");
        var jpeg = p3.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.Icc);

        var output = Assert.Single(_processor.Process("uploads/wide_grayscale.jpg", jpeg).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        using var srgbLuma = GrayscaleFrame.From(gradient);
        using var p3Luma = GrayscaleFrame.From(p3);
        var fromSrgb = (decoded - srgbLuma).Abs().Avg();
        Assert.True(fromSrgb < 1.5 && fromSrgb * 2 < (p3Luma - srgbLuma).Abs().Avg(), $"mean difference {fromSrgb:F2} from the sRGB luma");
    }

    [Fact]
    public void Grayscale_is_the_bt601_luma_of_the_source_as_pillow_computes_it()
    {
        using var source = Pixels<byte>([255, 0, 0, 0, 255, 0, 0, 0, 255], 3, Enums.BandFormat.Uchar, Enums.Interpretation.Srgb);

        var output = Assert.Single(_processor.Process("uploads/rgb_grayscale.png", source.PngsaveBuffer(keep: Enums.ForeignKeep.None)).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        Assert.Equal((1, Enums.BandFormat.Uchar), (decoded.Bands, decoded.Format));
        Assert.Equal([76.0, 150.0, 29.0], new[] { decoded.Getpoint(0, 0)[0], decoded.Getpoint(1, 0)[0], decoded.Getpoint(2, 0)[0] });
    }

    [Fact]
    public void Grayscale_of_a_sixteen_bit_png_with_alpha_keeps_the_alpha_in_eight_bits()
    {
        // 32896 is 128 × 257: libvips scales 16-bit to 8-bit by 257.
        using var source = Pixels<ushort>([65535, 0, 0, 32896, 0, 0, 65535, 65535], 4, Enums.BandFormat.Ushort, Enums.Interpretation.Rgb16);

        var output = Assert.Single(_processor.Process("uploads/deep_grayscale.png", source.PngsaveBuffer(keep: Enums.ForeignKeep.None)).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        Assert.Equal((2, Enums.BandFormat.Uchar, Enums.Interpretation.Bw), (decoded.Bands, decoded.Format, decoded.Interpretation));
        Assert.Equal([76.0, 128.0], decoded.Getpoint(0, 0));
        Assert.Equal([29.0, 255.0], decoded.Getpoint(1, 0));
    }

    /// <summary>One row of the given pixels, interleaved.</summary>
    private static Image Pixels<T>(T[] samples, int bands, Enums.BandFormat format, Enums.Interpretation interpretation)
        where T : unmanaged
    {
        using var raw = Image.NewFromMemory(samples, samples.Length / bands, 1, bands, format);
        return raw.Copy(interpretation: interpretation);
    }

    [Fact]
    public void An_embedded_icc_profile_is_converted_to_srgb_and_removed()
    {
        using var gradient = TestImages.Gradient(400, 300);
        using var p3 = gradient.IccTransform("p3", embedded: false, inputProfile: "srgb");
        var jpeg = p3.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.Icc);
        using (var input = TestImages.Load(jpeg))
        {
            Assert.True(TestImages.HasField(input, "icc-profile-data"));
        }

        var output = Assert.Single(_processor.Process("uploads/wide-gamut.jpg", jpeg).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        Assert.False(TestImages.HasField(decoded, "icc-profile-data"));
        Assert.Equal(3, decoded.Bands);
    }

    [Fact]
    public void A_cmyk_jpeg_becomes_an_srgb_jpeg()
    {
        using var gradient = TestImages.Gradient(400, 300);
        using var cmyk = gradient.IccTransform("cmyk", embedded: false, inputProfile: "srgb");
        var jpeg = cmyk.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
        using (var input = TestImages.Load(jpeg))
        {
            Assert.Equal(Enums.Interpretation.Cmyk, input.Interpretation);
        }

        var output = Assert.Single(_processor.Process("uploads/print.jpg", jpeg).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        Assert.Equal((3, Enums.Interpretation.Srgb), (decoded.Bands, decoded.Interpretation));
    }

    [Fact]
    public void Png_text_chunks_and_xmp_are_removed()
    {
        using var gradient = TestImages.Gradient(64, 64);
        using var annotated = gradient.Mutate(image =>
        {
            image.Set(GValue.GStrType, "png-comment-0-Author", "secret-author-name");
            image.Set(GValue.BlobType, "xmp-data", System.Text.Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">secret-xmp</x:xmpmeta>"));
        });
        var png = annotated.PngsaveBuffer(keep: Enums.ForeignKeep.All);
        using (var input = TestImages.Load(png))
        {
            Assert.Contains(input.GetFields(), field => field.StartsWith("png-comment-", StringComparison.Ordinal));
            Assert.True(TestImages.HasField(input, "xmp-data"));
        }

        var output = Assert.Single(_processor.Process("uploads/notes.png", png).Outputs);

        var text = System.Text.Encoding.Latin1.GetString(output.Image.Content);
        foreach (var chunk in new[] { "tEXt", "zTXt", "iTXt", "eXIf", "iCCP", "secret" })
        {
            Assert.DoesNotContain(chunk, text, StringComparison.Ordinal);
        }

        using var decoded = TestImages.Load(output.Image.Content);
        Assert.DoesNotContain(decoded.GetFields(), field => field.StartsWith("png-comment", StringComparison.Ordinal) || field == "xmp-data");
    }

    [Fact]
    public void A_jpeg_named_png_is_written_as_jpeg_under_its_own_name()
    {
        var output = Assert.Single(_processor.Process("uploads/liar.png", TestImages.Jpeg(50, 40)).Outputs);

        // The name is kept so no other upload (liar.jpg) can share the output; Content-Type says JPEG.
        Assert.Equal("processed/liar.png", output.Key);
        Assert.Equal(ImageFormat.Jpeg, output.Image.Format);
    }

    [Fact]
    public void Operator_rules_add_a_webp_copy_and_a_cover_crop()
    {
        var rules = RuleSetLoader.Parse("""
            { "rules": [ { "suffix": "", "renditions": [
                { "name": "fit-1024", "resize": "fit", "width": 1024, "height": 1024 },
                { "name": "webp", "resize": "fit", "width": 1024, "height": 1024, "format": "webp", "keySuffix": "_web" },
                { "name": "cover", "resize": "cover", "width": 200, "height": 200, "keySuffix": "_cover" } ] } ] }
            """, "test");
        var processor = new ImageProcessor(ImageLimits.Default, rules, KeyLayout.Default);

        var result = processor.Process("uploads/p.jpg", TestImages.Jpeg(1600, 900));

        Assert.Collection(result.Outputs,
            o => Assert.Equal(("processed/p.jpg", 1024, 576, ImageFormat.Jpeg), (o.Key, o.Image.Width, o.Image.Height, o.Image.Format)),
            o => Assert.Equal(("processed/p_web.webp", 1024, 576, ImageFormat.Webp), (o.Key, o.Image.Width, o.Image.Height, o.Image.Format)),
            o => Assert.Equal(("processed/p_cover.jpg", 200, 200, ImageFormat.Jpeg), (o.Key, o.Image.Width, o.Image.Height, o.Image.Format)));
    }

    [Fact]
    public void A_png_with_alpha_converted_to_jpeg_is_flattened()
    {
        var rules = RuleSetLoader.Parse("""
            { "rules": [ { "suffix": "", "renditions": [ { "name": "jpeg", "resize": "none", "format": "jpeg" } ] } ] }
            """, "test");
        var processor = new ImageProcessor(ImageLimits.Default, rules, KeyLayout.Default);
        var png = File.ReadAllBytes(TestImages.TestDataPath("pngsuite", "basn6a16.png"));

        var output = Assert.Single(processor.Process("uploads/alpha.png", png).Outputs);

        using var decoded = TestImages.Load(output.Image.Content);
        Assert.Equal(("processed/alpha.jpg", 3), (output.Key, decoded.Bands));
    }
}
