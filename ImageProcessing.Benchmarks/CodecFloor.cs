using System.Globalization;
using ImageProcessing.Benchmarks.Benchmarks;
using ImageProcessing.Benchmarks.Inputs;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Rules;
using NetVips;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// The codec floor of each cell of the comparison with sharp and Pillow: what libvips' decoders and encoders alone
/// cost for the rendition the pipeline makes. The source decoded at the size the pipeline asks the decoder for, by the
/// decoder the pipeline uses (the JPEG shrink-on-load the renderer chooses, through libjpeg-turbo where it loads;
/// WebP by libwebp, scaled to the size the renderer asks for, where it loads; PNG in full), and the
/// output's pixels encoded with the renderer's own encoder call. No resize, no colour work, no validation: a cell at
/// its floor spends nothing but codec time.
/// </summary>
internal static class CodecFloor
{
    private const int StripRows = 16;

    public static int Run(int repetitions, TextWriter log)
    {
        var cells = new List<Cell>();
        try
        {
            foreach (var input in BenchInputs.Peers)
            {
                var benchmark = new RuleBenchmarks { Input = input.Name };
                benchmark.Setup();
                foreach (var (rule, suffix, _, render) in benchmark.Cells)
                {
                    var output = render();
                    var rendition = RuleBenchmarks.Rendition(suffix);
                    var (decoder, decodedAt) = DecoderFor(input, benchmark.Traits, rendition, output);
                    var pixels = PixelsOf(output, rendition);
                    cells.Add(new Cell(
                        $"| {input} | {rule} | {decodedAt} |",
                        () => decoder(benchmark.Bytes),
                        () => VipsRenderer.Encode(pixels, output.Format, RuleSet.Default.Encoding),
                        pixels));
                }
            }

            // Without whole passes first, the cells measured early paid for the JIT (the 12 MP JPEG's ⅛ decode by 4 ms).
            ProcessCpu.WarmUntilNothingCompiles([.. cells.SelectMany(cell => new[] { cell.Decode, cell.Encode })]);
            log.WriteLine("| input | rule | decoded at | decode | encode | floor |");
            log.WriteLine("|---|---|---|---:|---:|---:|");
            foreach (var cell in cells)
            {
                var decode = MedianCpu(repetitions, cell.Decode);
                var encode = MedianCpu(repetitions, cell.Encode);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cell.Row} {decode:F0} ms | {encode:F0} ms | {decode + encode:F0} ms |"));
            }
        }
        finally
        {
            cells.ForEach(cell => cell.Pixels.Dispose());
        }

        return 0;
    }

    private static (Action<byte[]> Decoder, string DecodedAt) DecoderFor(BenchInput input, SourceTraits traits, Rendition rendition, RenderedImage output)
    {
        if (input.Extension == ".jpg" && VipsRenderer.DecodesLumaOnly(traits, rendition))
        {
            var lumaShrink = VipsRenderer.JpegShrinkOnLoad(traits, rendition);
            return (bytes => DecodeWithTurboJpeg(bytes, lumaShrink, lumaOnly: true),
                lumaShrink == 1 ? "full size, luma (libjpeg-turbo)" : $"1/{lumaShrink}, luma (libjpeg-turbo)");
        }

        if (input.Extension == ".jpg" && VipsRenderer.JpegShrinkOnLoad(traits, rendition) is > 1 and var shrink)
        {
            return TurboJpegDecoder.IsAvailable
                ? (bytes => DecodeWithTurboJpeg(bytes, shrink), $"1/{shrink} (libjpeg-turbo)")
                : (bytes => Decode(bytes, $"shrink={shrink}"), $"1/{shrink}");
        }

        if (input.Extension == ".webp" && WebpDecoder.IsAvailable)
        {
            var (width, height) = VipsRenderer.WebpDecodeSize(traits, rendition);
            var decodedAt = width == traits.Width ? "full size (libwebp)" : $"{width}×{height} (libwebp)";
            return (bytes => DecodeWithLibwebp(bytes, width, height), decodedAt);
        }

        var (options, loadedAt) = LoadOptions(input, traits, output);
        return (bytes => Decode(bytes, options), loadedAt);
    }

    /// <summary>libvips' load options for a source it decodes whole or, for WebP, scaled to the output.</summary>
    private static (string Options, string DecodedAt) LoadOptions(BenchInput input, SourceTraits traits, RenderedImage output)
    {
        // The output in the stored orientation: a turned photo's width is its stored height.
        var outputWidth = input.Orientation >= 5 ? output.Height : output.Width;
        if (input.Extension == ".webp" && outputWidth < traits.Width)
        {
            var scale = (double)outputWidth / traits.Width;
            return (string.Create(CultureInfo.InvariantCulture, $"scale={scale:R}"), string.Create(CultureInfo.InvariantCulture, $"{outputWidth}×{output.Height * outputWidth / output.Width}"));
        }

        return ("", "full size");
    }

    private static void DecodeWithLibwebp(byte[] bytes, int width, int height)
    {
        using var decoded = WebpDecoder.TryDecode(bytes, width, height, orientation: null)
            ?? throw new InvalidOperationException("libwebp refused a benchmark input");
    }

    private static void DecodeWithTurboJpeg(byte[] bytes, int shrink, bool lumaOnly = false)
    {
        using var decoded = TurboJpegDecoder.TryDecode(bytes, shrink, orientation: null, lumaOnly: lumaOnly)
            ?? throw new InvalidOperationException("libjpeg-turbo refused a benchmark input");
    }

    /// <summary>Read in strips of a few rows, as the renderer's consumers do, so no whole frame is written to memory.</summary>
    private static void Decode(byte[] bytes, string options)
    {
        using var encoded = EncodedImage.Of(bytes);
        using var image = Image.NewFromSource(encoded.Source, options, access: Enums.Access.Sequential);
        using var region = Region.New(image);
        for (var top = 0; top < image.Height; top += StripRows)
        {
            region.Fetch(0, top, image.Width, Math.Min(StripRows, image.Height - top));
        }
    }

    /// <summary>The pixels the renderer encoded: a grey rendition is one band, though WebP decodes it as three.</summary>
    private static Image PixelsOf(RenderedImage output, Rendition rendition)
    {
        using var decoded = Image.NewFromBuffer(output.Content);
        using var bands = rendition.Grayscale && decoded.Bands > 1 ? decoded.ExtractBand(0) : decoded.Copy();
        return bands.CopyMemory();
    }

    private static double MedianCpu(int repetitions, Action operation)
    {
        var samples = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            samples[i] = ProcessCpu.Milliseconds(operation);
        }

        return ProcessCpu.Median(samples);
    }

    private sealed record Cell(string Row, Action Decode, Action Encode, Image Pixels);
}
