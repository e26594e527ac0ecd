using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Decodes a JPEG at ½, ¼ or ⅛ of its size (libjpeg's DCT scaling) with libjpeg-turbo's TurboJPEG library, into an
/// image libvips resizes and encodes as it does its own loads; or whole as its luma alone, for grey renditions. libvips' own JPEG decoder (mozjpeg, in NetVips.Native)
/// is slower at every scale than libjpeg-turbo (docs/performance.md, "What the tables show"); the same scaling
/// algorithm gives the same pixels (tested against libvips' shrink-on-load).
/// </summary>
/// <remarks>
/// Only 8-bit YCbCr, RGB and grey JPEGs are decoded here (CMYK and YCCK stay with libvips); an embedded ICC profile is
/// passed in and set on the image, so the resize converts it to sRGB as it does libvips' loads. Anything TurboJPEG refuses,
/// including libjpeg's warnings (as libvips' <c>fail_on=warning</c> does), yields <c>null</c>, and libvips decodes the
/// upload and gives the verdict, so a corrupt upload gets libvips' reason as before. The scan count is bounded before
/// any decode (<c>JpegScans</c>); TurboJPEG's own scan limit is kept on as a second guard.
/// </remarks>
internal static class TurboJpegDecoder
{
    private const int StopOnWarning = 8192; // TJFLAG_STOPONWARNING
    private const int LimitScans = 32768; // TJFLAG_LIMITSCANS (2.1): refuse progressive JPEGs of more than 500 scans
    private const int DecodeFlags = StopOnWarning | LimitScans;
    private const int PixelFormatRgb = 0; // TJPF_RGB
    private const int PixelFormatGray = 6; // TJPF_GRAY
    private const int ColorspaceRgb = 0; // TJCS_RGB
    private const int ColorspaceYCbCr = 1; // TJCS_YCbCr
    private const int ColorspaceGray = 2; // TJCS_GRAY

    private static readonly Lazy<bool> Loaded = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    static TurboJpegDecoder() => NativeImports.EnsureResolver();

    /// <summary>False where libturbojpeg cannot be loaded; then libvips decodes every JPEG.</summary>
    public static bool IsAvailable => Loaded.Value;

    /// <summary>Which decoder shrinks JPEGs on load, and from which file, for the function's start-up log.</summary>
    public static string Description => IsAvailable
        ? $"libjpeg-turbo ({NativeImports.TurboJpegFile})"
        : "libvips (libturbojpeg.so.0 did not load)";

    /// <summary>
    /// The JPEG decoded at 1/<paramref name="shrink"/> of each side (rounded down, as libvips' loader rounds), with
    /// <paramref name="orientation"/> and <paramref name="iccProfile"/> set as libvips' loader sets them; <c>null</c>
    /// where TurboJPEG is missing or refuses.
    /// </summary>
    /// <param name="lumaOnly">One grey band: the Y of a YCbCr JPEG, which is BT.601 luma (ADR 0003), without decoding
    /// the colour at all (libjpeg skips the chroma's inverse DCT, upsampling and colour conversion); an RGB JPEG's
    /// pixels weighed by libjpeg with the same coefficients. Only for sRGB pixels: with an ICC profile the colour
    /// must be converted before it is weighed.</param>
    public static Image? TryDecode(byte[] jpeg, int shrink, int? orientation, byte[]? iccProfile = null, bool lumaOnly = false)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (lumaOnly && iccProfile is not null)
        {
            throw new ArgumentException("luma is weighed from sRGB pixels: convert a profiled image first", nameof(lumaOnly));
        }

        if (shrink is not (1 or 2 or 4 or 8) || !IsAvailable)
        {
            return null;
        }

        using var decompressor = tjInitDecompress();
        if (ReadHeader(decompressor, jpeg, lumaOnly) is not (var width, var height, var bands))
        {
            return null;
        }

        var (scaledWidth, scaledHeight) = (Scaled(width, shrink), Scaled(height, shrink));
        var pixelFormat = bands == 3 ? PixelFormatRgb : PixelFormatGray;
        using var decoded = NativeFrame.TryCreate(scaledWidth, scaledHeight, bands, pixels =>
            tjDecompress2(decompressor, jpeg, (nuint)jpeg.Length, pixels, scaledWidth, 0, scaledHeight, pixelFormat, DecodeFlags) == 0);
        if (decoded is null)
        {
            return null;
        }

        using var cropped = decoded.ExtractArea(0, 0, width / shrink, height / shrink);
        return LoaderFields.Set(cropped, orientation, iccProfile);
    }

    /// <summary>
    /// The whole JPEG's luma (as <c>lumaOnly</c> decodes it) turned upright as <paramref name="orientation"/> says: all
    /// a full-size grey rendition encodes, with no resize, copy or libvips turn in between; <c>null</c> where
    /// TurboJPEG is missing or refuses.
    /// </summary>
    public static Image? TryDecodeUprightLuma(byte[] jpeg, int? orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (!IsAvailable)
        {
            return null;
        }

        using var decompressor = tjInitDecompress();
        if (ReadHeader(decompressor, jpeg, lumaOnly: true) is not (var width, var height, _))
        {
            return null;
        }

        if (orientation is not { } turn || !ExifOrientation.Turns(turn))
        {
            return NativeFrame.TryCreate(width, height, 1, pixels =>
                tjDecompress2(decompressor, jpeg, (nuint)jpeg.Length, pixels, width, 0, height, PixelFormatGray, DecodeFlags) == 0);
        }

        // Turned from managed memory (the function allows no unsafe code); pooled, so a warm process maps it once.
        var luma = ArrayPool<byte>.Shared.Rent(checked(width * height));
        try
        {
            return tjDecompress2(decompressor, jpeg, (nuint)jpeg.Length, luma, width, 0, height, PixelFormatGray, DecodeFlags) == 0
                ? UprightFrame.Create(luma, width, height, turn)
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(luma);
        }
    }

    /// <summary>The size and the bands TurboJPEG will decode, or null for a JPEG it does not (CMYK, YCCK) or cannot read.</summary>
    private static (int Width, int Height, int Bands)? ReadHeader(Decompressor decompressor, byte[] jpeg, bool lumaOnly)
    {
        if (decompressor.IsInvalid
            || tjDecompressHeader3(decompressor, jpeg, (nuint)jpeg.Length, out var width, out var height, out _, out var colorspace) != 0)
        {
            return null;
        }

        var bands = colorspace switch
        {
            ColorspaceYCbCr or ColorspaceRgb => lumaOnly ? 1 : 3,
            ColorspaceGray => 1,
            _ => 0,
        };
        return bands == 0 || width <= 0 || height <= 0 ? null : (width, height, bands);
    }

    /// <summary>
    /// TJSCALED for a factor of 1/shrink: libjpeg's output size, rounded up. libvips' loader drops the partial last
    /// column and row that rounding up adds, and so does <see cref="TryDecode"/>, so both give the same size.
    /// </summary>
    private static int Scaled(int size, int shrink) => (size + shrink - 1) / shrink;

    private static bool Probe() => NativeImports.CanCall(() =>
    {
        using var decompressor = tjInitDecompress();
        return !decompressor.IsInvalid;
    });

    private sealed class Decompressor() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle() => tjDestroy(handle) == 0;
    }

    [DllImport(NativeImports.TurboJpeg, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern Decompressor tjInitDecompress();

    [DllImport(NativeImports.TurboJpeg, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int tjDecompressHeader3(
        Decompressor handle, byte[] jpeg, nuint jpegSize, out int width, out int height, out int subsampling, out int colorspace);

    [DllImport(NativeImports.TurboJpeg, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int tjDecompress2(
        Decompressor handle, byte[] jpeg, nuint jpegSize, IntPtr destination, int width, int pitch, int height, int pixelFormat, int flags);

    [DllImport(NativeImports.TurboJpeg, EntryPoint = "tjDecompress2", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int tjDecompress2(
        Decompressor handle, byte[] jpeg, nuint jpegSize, [Out] byte[] destination, int width, int pitch, int height, int pixelFormat, int flags);

    [DllImport(NativeImports.TurboJpeg, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int tjDestroy(IntPtr handle);
}
