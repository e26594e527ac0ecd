using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Validation;

[Trait("Category", "unit")]
public sealed class UploadValidatorTests
{
    private readonly ImageProcessor _processor = new(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);

    [Fact]
    public async Task Declared_size_over_the_limit_is_refused_without_reading_the_body()
    {
        using var body = new CountingStream(new MemoryStream(TestImages.Jpeg(64, 64)));

        var result = await _processor.ProcessAsync("uploads/big.jpg", body, declaredBytes: ImageProcessing.Pipeline.PipelineDefinition.MaxUploadBytes + 1);

        AssertRejected(result, RejectionReason.TooLarge);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_after_reading_at_most_one_byte_more()
    {
        var limits = new ImageLimits { MaxBytes = 1000 };
        var processor = new ImageProcessor(limits, RuleSet.Default, KeyLayout.Default);
        using var body = new CountingStream(new MemoryStream(new byte[50_000]));

        // The declared size lies: small in the event, large in storage.
        var result = await processor.ProcessAsync("uploads/liar.jpg", body, declaredBytes: 10);

        AssertRejected(result, RejectionReason.TooLarge);
        Assert.Equal(1001, body.BytesRead);
    }

    [Fact]
    public void Ten_megabytes_plus_one_byte_is_too_large()
    {
        var content = new byte[ImageProcessing.Pipeline.PipelineDefinition.MaxUploadBytes + 1];
        TestImages.Jpeg(16, 16).CopyTo(content, 0);

        AssertRejected(_processor.Process("uploads/x.jpg", content), RejectionReason.TooLarge);
    }

    [Fact]
    public void Zero_bytes_is_an_empty_file() =>
        AssertRejected(_processor.Process("uploads/empty.png", []), RejectionReason.EmptyFile);

    [Theory]
    [InlineData("gif", "GIF")]
    [InlineData("svg", "SVG")]
    [InlineData("tiff", "TIFF")]
    [InlineData("bmp", "BMP")]
    [InlineData("pdf", "PDF")]
    [InlineData("heic", "HEIC")]
    [InlineData("avif", "AVIF")]
    public void Other_formats_named_png_are_unsupported(string kind, string named)
    {
        var content = kind switch
        {
            "gif" => CraftedFiles.Gif(),
            "svg" => CraftedFiles.Svg(),
            "tiff" => TiffBytes(),
            "bmp" => CraftedFiles.Bmp(),
            "pdf" => CraftedFiles.Pdf(),
            "heic" => CraftedFiles.IsoMedia("heic"),
            _ => CraftedFiles.IsoMedia("avif"),
        };

        var result = _processor.Process("uploads/disguised.png", content);

        AssertRejected(result, RejectionReason.UnsupportedFormat);
        Assert.Contains(named, result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_unsupported()
    {
        var content = new byte[4096];
        new Random(42).NextBytes(content);
        content[0] = 0x00;

        AssertRejected(_processor.Process("uploads/noise.jpg", content), RejectionReason.UnsupportedFormat);
    }

    [Fact]
    public void A_png_with_an_archive_after_its_end_is_a_polyglot()
    {
        var zip = "PK\u0003\u0004\u0014\0payload"u8.ToArray();
        var result = _processor.Process("uploads/polyglot.png", CraftedFiles.WithTrailer(TestImages.Png(32, 32), zip));

        AssertRejected(result, RejectionReason.UnsupportedFormat);
        Assert.Contains("polyglot", result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_carrying_a_script_is_a_polyglot()
    {
        var result = _processor.Process("uploads/polyglot.jpg", CraftedFiles.WithTrailer(TestImages.Jpeg(32, 32), "<script>alert(1)</script>"u8.ToArray()));

        AssertRejected(result, RejectionReason.UnsupportedFormat);
    }

    [Theory]
    [InlineData(100_000u, 100_000u)]
    [InlineData(4097u, 1u)]
    [InlineData(1u, 4097u)]
    public void A_header_claiming_more_than_4096_pixels_is_refused_before_decoding(uint width, uint height)
    {
        var result = _processor.Process("uploads/bomb.png", CraftedFiles.PngClaiming(width, height));

        AssertRejected(result, RejectionReason.DimensionsExceeded);
        Assert.Contains($"{width}x{height}", result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4097, 1)]
    [InlineData(1, 4097)]
    public void Real_images_over_the_limit_are_dimensions_exceeded(int width, int height)
    {
        using var image = TestImages.Gradient(width, height);

        AssertRejected(_processor.Process("uploads/wide.png", image.PngsaveBuffer()), RejectionReason.DimensionsExceeded);
        AssertRejected(_processor.Process("uploads/wide.jpg", image.JpegsaveBuffer()), RejectionReason.DimensionsExceeded);
        AssertRejected(_processor.Process("uploads/wide.webp", image.WebpsaveBuffer()), RejectionReason.DimensionsExceeded);
    }

    [Fact]
    public void Exactly_4096_pixels_is_accepted()
    {
        var result = _processor.Process("uploads/edge_thumb.png", CraftedFilesOrImage(4096, 1));

        Assert.Equal(UploadStatus.Processed, result.Status);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public void A_truncated_image_is_corrupt(string format)
    {
        using var image = TestImages.Gradient(640, 480);
        var whole = TestImages.Encode(NetVips.Enums.ForeignKeep.None, image, format);
        var truncated = whole[..(whole.Length * 6 / 10)];
        if (format == "webp")
        {
            // Keep the RIFF size honest about the cut so the file is a truncated image, not a polyglot.
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(truncated.AsSpan(4), (uint)(truncated.Length - 8));
        }

        var result = _processor.Process($"uploads/cut.{format}", truncated);

        AssertRejected(result, RejectionReason.CorruptImage);
    }

    [Fact]
    public void Every_reason_code_is_distinct_and_stable() =>
        Assert.Equal(
            ["too_large", "empty_file", "unsupported_format", "dimensions_exceeded", "corrupt_image", "key_too_long", "foreign_encryption", "archived_object", "too_many_scans", "processing_budget_exceeded"],
            RejectionReason.All);

    [Fact]
    public void Rejected_results_still_describe_the_source()
    {
        var content = CraftedFiles.Gif();

        var result = _processor.Process("uploads/a.png", content);

        Assert.Equal(content.Length, result.Source.Bytes);
        Assert.Equal(64, result.Source.Sha256!.Length);
        Assert.Null(result.Source.Format);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public void A_digest_the_store_vouches_for_is_recorded_instead_of_hashing_the_body()
    {
        var vouched = new string('a', 64);

        var result = _processor.Process("uploads/a.jpg", TestImages.Jpeg(64, 48), vouched);

        Assert.Equal(UploadStatus.Processed, result.Status);
        Assert.Equal(vouched, result.Source.Sha256);
    }

    private static byte[] CraftedFilesOrImage(int width, int height)
    {
        using var image = TestImages.Gradient(width, height);
        return image.PngsaveBuffer();
    }

    private static byte[] TiffBytes()
    {
        using var image = TestImages.Gradient(8, 8);
        return image.TiffsaveBuffer();
    }

    private static void AssertRejected(ProcessingResult result, string code)
    {
        Assert.Equal(UploadStatus.Rejected, result.Status);
        Assert.Equal(code, result.Rejection?.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection?.Message));
        Assert.Empty(result.Outputs);
    }
}
