using ImageProcessing.Function.Rules;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Makes one rendition with libvips: shrink-on-load thumbnailing, EXIF auto-orientation, conversion
/// to sRGB where the source carries a profile or is CMYK, grey by BT.601 luma (<see cref="Luma"/>),
/// then encoding with every metadata block (EXIF, GPS, XMP, IPTC, ICC, PNG text) dropped.
/// </summary>
public static class VipsRenderer
{
    // Passed as the loader's option string: the FailOn argument of ThumbnailSource is ignored by NetVips 3.2.
    private const string LoaderOptions = "fail_on=warning";

    /// <summary>Source properties that decide how to render; reading them decodes the header only.</summary>
    public static SourceTraits Inspect(EncodedImage content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var header = Image.NewFromSource(content.Source, LoaderOptions, access: Enums.Access.Sequential);
            return new SourceTraits(
                header.Width,
                header.Height,
                IccProfile.Of(header),
                header.Interpretation == Enums.Interpretation.Cmyk,
                ExifOrientation.Of(header));
        }
        catch (VipsException e)
        {
            throw new CorruptImageException(DecoderMessage(e), e);
        }
    }

    /// <param name="budget">When cancelled, libvips stops where it next asks for pixels and the render ends with
    /// <see cref="ProcessingBudgetExceededException"/>.</param>
    public static RenderedImage Render(
        EncodedImage content, ImageFormat sourceFormat, SourceTraits traits, Rendition rendition, EncodingOptions encoding, CancellationToken budget = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var format = rendition.OutputFormat(sourceFormat);
        try
        {
            using var toned = ThumbnailAndTone(content, sourceFormat, traits, rendition, budget);
            using var stop = budget.Register(() => toned.SetKill(true));
            using var ready = PrepareFor(format, toned);
            var bytes = Encode(ready, format, encoding, budget);
            return new RenderedImage(format, ready.Width, ready.Height, bytes);
        }
        catch (VipsException e) when (budget.IsCancellationRequested)
        {
            throw new ProcessingBudgetExceededException("libvips was stopped at the end of the processing budget", e);
        }
        catch (VipsException e)
        {
            throw new CorruptImageException(DecoderMessage(e), e);
        }
    }

    private static Image Thumbnail(EncodedImage content, ImageFormat sourceFormat, SourceTraits traits, Rendition rendition)
    {
        // A box as large as the longest side never shrinks, whatever the EXIF orientation.
        var longest = Math.Max(traits.Width, traits.Height);
        var (width, height) = rendition.Resize == ResizeMode.None ? (longest, longest) : (rendition.Width, rendition.Height);
        var crop = rendition.Resize == ResizeMode.Cover ? Enums.Interesting.Centre : (Enums.Interesting?)null;
        var outputProfile = traits.HasIccProfile || traits.IsCmyk ? "srgb" : null;
        using var decoded = DecodeInMemory(content, sourceFormat, traits, rendition);
        if (decoded is not null)
        {
            return decoded.ThumbnailImage(width, height: height, size: Enums.Size.Down, noRotate: TurnsAfterToning(rendition), crop: crop,
                outputProfile: outputProfile);
        }

        return Image.ThumbnailSource(content.Source, width, LoaderOptions, height: height, size: Enums.Size.Down,
            noRotate: TurnsAfterToning(rendition), crop: crop, outputProfile: outputProfile);
    }

    /// <summary>
    /// The source decoded before the thumbnail, where that is cheaper than libvips' own load: a shrunk JPEG, a WebP
    /// libwebp decodes. <c>null</c> leaves the load to the thumbnail, and the verdict on a file the decoders refuse.
    /// </summary>
    private static Image? DecodeInMemory(EncodedImage content, ImageFormat sourceFormat, SourceTraits traits, Rendition rendition) => sourceFormat switch
    {
        // A full-size grey rendition comes here only when TurboJPEG refused its upright luma: libvips gives the verdict.
        ImageFormat.Jpeg when DecodesUprightLuma(traits, rendition) => null,
        ImageFormat.Jpeg when DecodesLumaOnly(traits, rendition) =>
            TurboJpegDecoder.TryDecode(content.Bytes, JpegShrinkOnLoad(traits, rendition), traits.Orientation, lumaOnly: true),
        ImageFormat.Jpeg when JpegShrinkOnLoad(traits, rendition) is > 1 and var shrink => DecodeShrunk(content, traits, shrink),
        ImageFormat.Webp when WebpDecodeSize(traits, rendition) is var (width, height) =>
            WebpDecoder.TryDecode(content.Bytes, width, height, traits.Orientation, traits.IccProfile),
        _ => null,
    };

    /// <summary>
    /// A grey rendition of a JPEG in sRGB needs only its luma, which libjpeg-turbo decodes alone (ADR 0003: the Y of
    /// JPEG's YCbCr is the BT.601 luma the pipeline computes). CMYK and profiled JPEGs need their colour converted
    /// first; where TurboJPEG refuses, libvips decodes the colour and gives the verdict.
    /// </summary>
    internal static bool DecodesLumaOnly(SourceTraits traits, Rendition rendition) =>
        rendition.Grayscale && !traits.IsCmyk && !traits.HasIccProfile && TurboJpegDecoder.IsAvailable;

    /// <summary>
    /// A full-size grey rendition of such a JPEG is its luma, upright: decoded and turned with nothing in between
    /// (<see cref="TurboJpegDecoder.TryDecodeUprightLuma"/>), not resized to its own size, copied and turned by libvips.
    /// </summary>
    internal static bool DecodesUprightLuma(SourceTraits traits, Rendition rendition) =>
        DecodesLumaOnly(traits, rendition) && rendition.Resize == ResizeMode.None;

    /// <summary>
    /// The JPEG decoded at 1/<paramref name="shrink"/> by libjpeg-turbo, with its ICC profile for the conversion to
    /// sRGB, else by libvips' loader: for CMYK, and for anything TurboJPEG refuses (libvips then gives the verdict).
    /// </summary>
    private static Image DecodeShrunk(EncodedImage content, SourceTraits traits, int shrink)
    {
        var decoded = traits.IsCmyk
            ? null
            : TurboJpegDecoder.TryDecode(content.Bytes, shrink, traits.Orientation, traits.IccProfile);
        return decoded ?? Image.NewFromSource(content.Source, $"{LoaderOptions},shrink={shrink}", access: Enums.Access.Sequential);
    }

    /// <summary>
    /// How much libjpeg may shrink a JPEG while it decodes (its DCT scaling: ½, ¼ or ⅛), as sharp does: the largest
    /// factor that still decodes at least the rendition's size. libvips' own thumbnail keeps another factor of two in
    /// hand, so a 4000×3000 photo fitted into 1024 would be decoded at full size; the final Lanczos3 reduce from at
    /// least the target size keeps the quality (docs/performance.md, "Against sharp and Pillow").
    /// </summary>
    internal static int JpegShrinkOnLoad(SourceTraits traits, Rendition rendition)
    {
        if (rendition.Resize == ResizeMode.None)
        {
            return 1;
        }

        // The box applies to the upright image: the smaller factor of either orientation never decodes too small.
        double Factor(int w, int h) => rendition.Resize == ResizeMode.Cover
            ? Math.Min((double)w / rendition.Width, (double)h / rendition.Height)
            : Math.Max((double)w / rendition.Width, (double)h / rendition.Height);
        var factor = Math.Min(Factor(traits.Width, traits.Height), Factor(traits.Height, traits.Width));
        return factor >= 8 ? 8 : factor >= 4 ? 4 : factor >= 2 ? 2 : 1;
    }

    /// <summary>
    /// The size libvips' thumbnail has libwebp decode a WebP at (<c>vips_thumbnail_calculate_common_shrink</c> and
    /// webpload's <c>rint(width × scale)</c>): the box's shrink on the side that decides it, never below 1, the box
    /// turned for an EXIF orientation that swaps the sides. The same size gives libvips' pixels.
    /// </summary>
    internal static (int Width, int Height) WebpDecodeSize(SourceTraits traits, Rendition rendition)
    {
        if (rendition.Resize == ResizeMode.None)
        {
            return (traits.Width, traits.Height);
        }

        var swapsSides = ExifOrientation.SwapsSides(traits.Orientation);
        var (boxWidth, boxHeight) = swapsSides ? (rendition.Height, rendition.Width) : (rendition.Width, rendition.Height);
        var (horizontal, vertical) = ((double)traits.Width / boxWidth, (double)traits.Height / boxHeight);
        var shrink = rendition.Resize == ResizeMode.Cover ? Math.Min(horizontal, vertical) : Math.Max(horizontal, vertical);
        shrink = Math.Min(Math.Max(1, shrink), Math.Min(traits.Width, traits.Height));
        var scale = 1.0 / shrink;
        return ((int)Math.Round(traits.Width * scale, MidpointRounding.ToEven), (int)Math.Round(traits.Height * scale, MidpointRounding.ToEven));
    }

    /// <summary>
    /// A grey frame no longer needs its source. The source is closed before encoding, so the decoder's buffers are
    /// freed first: libwebp holds a whole lossless frame.
    /// </summary>
    /// <remarks>
    /// The kill flag stops every region of the thumbnail, and so every image made from it; a registration is
    /// disposed before its image, and waits for a callback that is running.
    /// </remarks>
    private static Image ThumbnailAndTone(EncodedImage content, ImageFormat sourceFormat, SourceTraits traits, Rendition rendition, CancellationToken budget)
    {
        if (sourceFormat == ImageFormat.Jpeg && DecodesUprightLuma(traits, rendition)
            && TurboJpegDecoder.TryDecodeUprightLuma(content.Bytes, traits.Orientation) is { } upright)
        {
            return upright;
        }

        using var thumbnail = Thumbnail(content, sourceFormat, traits, rendition);
        using var stop = budget.Register(() => thumbnail.SetKill(true));
        return Tone(thumbnail, rendition);
    }

    private static Image Tone(Image thumbnail, Rendition rendition)
    {
        if (!rendition.Grayscale)
        {
            return thumbnail.Copy();
        }

        var gray = GrayscaleFrame.From(thumbnail);
        return TurnsAfterToning(rendition) ? Upright(gray) : gray;
    }

    /// <summary>A full-size grayscale rendition is turned upright after toning; a box or crop must see the turned image.</summary>
    private static bool TurnsAfterToning(Rendition rendition) => rendition.Grayscale && rendition.Resize == ResizeMode.None;

    /// <summary>Turning needs random access to the whole frame: the grey frame is already in memory, with one band instead of three.</summary>
    private static Image Upright(Image frame)
    {
        using (frame)
        {
            return ExifOrientation.NeedsTurning(frame) ? frame.Autorot() : frame.Copy();
        }
    }

    /// <summary>JPEG has no alpha. Depth needs nothing: libvips' thumbnail always gives 8-bit pixels.</summary>
    private static Image PrepareFor(ImageFormat format, Image image) =>
        format == ImageFormat.Jpeg && image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();

    /// <summary>The encoder's bytes; a grey WebP is encoded by <see cref="WebpGrayEncoder"/>, which libvips would widen to RGB first.</summary>
    internal static byte[] Encode(Image image, ImageFormat format, EncodingOptions encoding, CancellationToken budget = default) => format switch
    {
        ImageFormat.Jpeg => image.JpegsaveBuffer(
            q: encoding.JpegQuality, interlace: encoding.JpegProgressive, keep: Enums.ForeignKeep.None),
        ImageFormat.Png => image.PngsaveBuffer(
            compression: encoding.PngCompression, filter: ToVips(encoding.PngFilter), keep: Enums.ForeignKeep.None),
        ImageFormat.Webp => WebpGrayEncoder.TryEncode(image, encoding.WebpQuality, budget)
            ?? image.WebpsaveBuffer(q: encoding.WebpQuality, keep: Enums.ForeignKeep.None),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static Enums.ForeignPngFilter ToVips(PngFilter filter) => filter switch
    {
        PngFilter.None => Enums.ForeignPngFilter.None,
        PngFilter.Sub => Enums.ForeignPngFilter.Sub,
        PngFilter.Up => Enums.ForeignPngFilter.Up,
        PngFilter.Average => Enums.ForeignPngFilter.Avg,
        PngFilter.Paeth => Enums.ForeignPngFilter.Paeth,
        PngFilter.All => Enums.ForeignPngFilter.All,
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    private static string DecoderMessage(VipsException e)
    {
        var first = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(line => !IsNetVipsWrapperLine(line)) ?? "the decoder refused the data";
        if (first.Length > 200)
        {
            first = first[..200];
        }

        return $"the decoder found the image corrupt or truncated: {first}";
    }

    /// <summary>NetVips puts its own line ("unable to call jpegsave_buffer", "unable to fetch from region") before libvips' words.</summary>
    private static bool IsNetVipsWrapperLine(string line) => line.StartsWith("unable to ", StringComparison.Ordinal);
}
