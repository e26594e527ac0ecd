using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Decodes a still WebP, whole or scaled while decoding, with libwebp on the calling thread, into an image libvips
/// resizes and encodes as it does its own loads. libvips' loader decodes with libwebp's worker thread into a four-band
/// frame and copies that frame twice more; this decode writes the pixels once, where they are kept (ADR 0012).
/// </summary>
/// <remarks>
/// The pixels are libvips' own: the same decoder, the same scaled size (the caller asks for the size libvips'
/// thumbnail would, <c>VipsRenderer.WebpDecodeSize</c>), RGB, or RGBA where the file has alpha (tested against
/// libvips' load). Animations, and anything libwebp refuses, yield <c>null</c>: libvips then decodes the upload and
/// gives the verdict, so a corrupt upload gets libvips' reason as before.
/// </remarks>
internal static class WebpDecoder
{
    private const int DecoderAbiVersion = 0x0209; // WEBP_DECODER_ABI_VERSION of libwebp 1.2; later 1.x accept it
    private const int StatusOk = 0; // VP8_STATUS_OK
    private const int ModeRgb = 0; // MODE_RGB
    private const int ModeRgba = 1; // MODE_RGBA: not premultiplied, as libvips' loader asks

    private static readonly Lazy<bool> Loaded = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    static WebpDecoder() => NativeImports.EnsureResolver();

    /// <summary>False where libwebp cannot be loaded; then libvips decodes every WebP.</summary>
    public static bool IsAvailable => Loaded.Value;

    /// <summary>Which decoder decodes WebP uploads, and from which file, for the function's start-up log.</summary>
    public static string Description => IsAvailable
        ? $"libwebp ({NativeImports.WebpFile})"
        : "libvips (libwebp.so.7 did not load)";

    /// <summary>
    /// The WebP decoded at <paramref name="width"/> × <paramref name="height"/> (its own size, or smaller: libwebp
    /// scales while it decodes), with <paramref name="orientation"/> and <paramref name="iccProfile"/> set as libvips'
    /// loader sets them; <c>null</c> where libwebp is missing or refuses, and for animations.
    /// </summary>
    public static Image? TryDecode(byte[] webp, int width, int height, int? orientation, byte[]? iccProfile = null)
    {
        ArgumentNullException.ThrowIfNull(webp);
        if (width <= 0 || height <= 0 || !IsAvailable)
        {
            return null;
        }

        var config = default(DecoderConfig);
        if (WebPInitDecoderConfigInternal(ref config, DecoderAbiVersion) == 0
            || WebPGetFeaturesInternal(webp, (nuint)webp.Length, ref config.Input, DecoderAbiVersion) != StatusOk
            || config.Input.HasAnimation != 0
            || width > config.Input.Width
            || height > config.Input.Height)
        {
            return null;
        }

        var bands = config.Input.HasAlpha != 0 ? 4 : 3;
        config.Output.Colorspace = bands == 4 ? ModeRgba : ModeRgb;
        config.Output.IsExternalMemory = 1;
        if (width != config.Input.Width || height != config.Input.Height)
        {
            config.Options.UseScaling = 1;
            config.Options.ScaledWidth = width;
            config.Options.ScaledHeight = height;
        }

        using var decoded = NativeFrame.TryCreate(width, height, bands, pixels =>
        {
            config.Output.Rgba.Pixels = pixels;
            config.Output.Rgba.Stride = width * bands;
            config.Output.Rgba.Size = (nuint)(width * height * bands);
            return WebPDecode(webp, (nuint)webp.Length, ref config) == StatusOk;
        });
        return decoded is null ? null : LoaderFields.Set(decoded, orientation, iccProfile);
    }

    private static bool Probe() => NativeImports.CanCall(() =>
    {
        var config = default(DecoderConfig);
        return WebPInitDecoderConfigInternal(ref config, DecoderAbiVersion) != 0;
    });

    // libwebp's decode.h, ABI 0x0209 (libwebp 1.2 to 1.6), for 64-bit targets.

    /// <summary>WebPDecoderConfig.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct DecoderConfig
    {
        public BitstreamFeatures Input;
        public DecBuffer Output;
        public DecoderOptions Options;
    }

    /// <summary>WebPBitstreamFeatures.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct BitstreamFeatures
    {
        public int Width;
        public int Height;
        public int HasAlpha;
        public int HasAnimation;
        public int Format;
        public Padding5 Padding;
    }

    /// <summary>WebPDecBuffer, with the RGBA member of its union; the rest of the union is the larger YUVA member.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct DecBuffer
    {
        public int Colorspace;
        public int Width;
        public int Height;
        public int IsExternalMemory;
        public RgbaBuffer Rgba;
        public YuvaTail YuvaTail;
        public Padding4 Padding;
        public IntPtr PrivateMemory;
    }

    /// <summary>WebPRGBABuffer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RgbaBuffer
    {
        public IntPtr Pixels;
        public int Stride;
        public nuint Size;
    }

    /// <summary>WebPDecoderOptions.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct DecoderOptions
    {
        public int BypassFiltering;
        public int NoFancyUpsampling;
        public int UseCropping;
        public int CropLeft;
        public int CropTop;
        public int CropWidth;
        public int CropHeight;
        public int UseScaling;
        public int ScaledWidth;
        public int ScaledHeight;
        public int UseThreads;
        public int DitheringStrength;
        public int Flip;
        public int AlphaDitheringStrength;
        public Padding5 Padding;
    }

    /// <summary>WebPYUVABuffer is 80 bytes, WebPRGBABuffer 24.</summary>
    [InlineArray(7)]
    private struct YuvaTail
    {
        private ulong _element;
    }

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WebPInitDecoderConfigInternal(ref DecoderConfig config, int version);

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WebPGetFeaturesInternal(byte[] data, nuint dataSize, ref BitstreamFeatures features, int version);

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WebPDecode(byte[] data, nuint dataSize, ref DecoderConfig config);
}
