using ImageProcessing.Function.Rules;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using ResizeMode = ImageProcessing.Function.Rules.ResizeMode;

namespace ImageProcessing.Benchmarks.Baselines;

/// <summary>
/// The same renditions with SixLabors.ImageSharp 2.1.13, written as well as that version allows:
/// header-only <c>Image.Identify</c>, 8-bit pixel types instead of the default RGBA32 (the inputs
/// have no alpha), grayscale decoded straight into <see cref="L8"/> (a third of the memory, no
/// separate pass), <c>ResizeMode.Max</c> with the library's default (bicubic) sampler, EXIF
/// auto-orientation and every metadata profile dropped, the same encoder settings as the pipeline.
/// It has no shrink-on-load (3.x added it, under a paid licence): the full frame is always decoded.
/// </summary>
internal sealed class ImageSharpPipeline
{
    private readonly Configuration configuration;

    public ImageSharpPipeline(int threads)
    {
        configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = threads;
    }

    public (int Width, int Height) Identify(byte[] content)
    {
        var info = Image.Identify(configuration, content, out _) ?? throw new InvalidOperationException("ImageSharp did not recognise the input");
        return (info.Width, info.Height);
    }

    public byte[] Render(byte[] content, Rendition rendition, EncodingOptions encoding)
    {
        IImageFormat format;
        using Image image = rendition.Grayscale
            ? Image.Load<L8>(configuration, content, out format)
            : Image.Load<Rgb24>(configuration, content, out format);

        image.Mutate(context =>
        {
            context.AutoOrient();
            if (rendition.Resize == ResizeMode.Fit)
            {
                var size = context.GetCurrentSize();
                if (size.Width > rendition.Width || size.Height > rendition.Height)
                {
                    context.Resize(new ResizeOptions { Size = new Size(rendition.Width, rendition.Height), Mode = SixLabors.ImageSharp.Processing.ResizeMode.Max });
                }
            }
        });

        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;

        using var output = new MemoryStream();
        image.Save(output, Encoder(format, rendition.Grayscale, encoding));
        return output.ToArray();
    }

    private static IImageEncoder Encoder(IImageFormat format, bool grayscale, EncodingOptions encoding) => format switch
    {
        JpegFormat => new JpegEncoder
        {
            Quality = encoding.JpegQuality,
            ColorType = grayscale ? JpegColorType.Luminance : JpegColorType.YCbCrRatio420,
        },
        PngFormat => new PngEncoder
        {
            CompressionLevel = (PngCompressionLevel)encoding.PngCompression,
            FilterMethod = FilterMethod(encoding.PngFilter),
            ColorType = grayscale ? PngColorType.Grayscale : PngColorType.Rgb,
            BitDepth = PngBitDepth.Bit8,
        },
        WebpFormat => new WebpEncoder { Quality = encoding.WebpQuality, FileFormat = WebpFileFormatType.Lossy },
        _ => throw new ArgumentOutOfRangeException(nameof(format), format.Name, "not a format the pipeline accepts"),
    };

    private static PngFilterMethod FilterMethod(PngFilter filter) => filter switch
    {
        PngFilter.None => PngFilterMethod.None,
        PngFilter.Sub => PngFilterMethod.Sub,
        PngFilter.Up => PngFilterMethod.Up,
        PngFilter.Average => PngFilterMethod.Average,
        PngFilter.Paeth => PngFilterMethod.Paeth,
        PngFilter.All => PngFilterMethod.Adaptive,
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };
}
