using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Encodes a grey image (one band, or grey and alpha) as a lossy WebP with libwebp, writing its luma straight into
/// libwebp's Y plane (and its alpha into the alpha plane) and leaving the chroma planes neutral. libvips' <c>webpsave</c> takes only RGB: a grey frame is widened to three bands,
/// copied whole (48 MB at 4096²) and converted back to Y'CbCr by libwebp (ADR 0014).
/// </summary>
/// <remarks>
/// The output is <c>webpsave</c>'s, byte for byte (tested): libwebp's RGB import turns a grey pixel L into
/// Y = (56318·L + 16.5·2¹⁶) / 2¹⁶ and chroma 128, whatever its neighbours and their alpha (libwebp itself leaves out
/// an alpha plane that is all opaque); and the settings are <c>webpsave</c>'s
/// (the default preset at the rendition's quality, effort 4, one pass). Where libwebp is missing or refuses, this yields
/// <c>null</c> and libvips encodes. The encode stops where libwebp next reports progress once the budget is spent.
/// </remarks>
internal static class WebpGrayEncoder
{
    private const int EncoderAbiVersion = 0x020f; // WEBP_ENCODER_ABI_VERSION of libwebp 1.2; later 1.x accept it
    private const int PresetDefault = 0; // WEBP_PRESET_DEFAULT, as webpsave's default preset
    private const int Effort = 4; // webpsave's default effort, libwebp's method
    private const int ErrorUserAbort = 10; // VP8_ENC_ERROR_USER_ABORT
    private const int ColorspaceYuv420WithAlpha = 4; // WEBP_YUV420A
    private const int MaximumSide = 16383; // WEBP_MAX_DIMENSION
    private const byte NeutralChroma = 128;

    // libwebp's VP8RGBToY for R = G = B = L: (16839 + 33059 + 6420)·L, rounded, plus the offset 16, over 2¹⁶.
    private const uint LumaWeight = 16839 + 33059 + 6420;
    private const uint LumaOffset = (1 << 15) + (16 << 16);

    private static readonly Lazy<bool> Loaded = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    // Kept for the life of the process: libwebp calls them through the pointers below.
    private static readonly WriterFunction Writer = Write;
    private static readonly ProgressHook Progress = OnProgress;
    private static readonly IntPtr WriterPointer = Marshal.GetFunctionPointerForDelegate(Writer);
    private static readonly IntPtr ProgressPointer = Marshal.GetFunctionPointerForDelegate(Progress);
    private static readonly int CustomPointerOffset = (int)Marshal.OffsetOf<Picture>(nameof(Picture.CustomPointer));

    static WebpGrayEncoder() => NativeImports.EnsureResolver();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int WriterFunction(IntPtr data, nuint size, IntPtr picture);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int ProgressHook(int percent, IntPtr picture);

    /// <summary>False where libwebp's encoder cannot be loaded; then libvips encodes every WebP.</summary>
    public static bool IsAvailable => Loaded.Value;

    /// <summary>
    /// The WebP of <paramref name="gray"/> (8-bit, one band or grey and alpha) at <paramref name="quality"/>;
    /// <c>null</c> for any other image, or where libwebp is missing or fails.
    /// </summary>
    /// <exception cref="ProcessingBudgetExceededException">The budget was spent during the encode.</exception>
    public static byte[]? TryEncode(Image gray, int quality, CancellationToken budget = default)
    {
        ArgumentNullException.ThrowIfNull(gray);
        if (gray.Format != Enums.BandFormat.Uchar || !(gray.Bands == 1 || (gray.Bands == 2 && gray.HasAlpha()))
            || gray.Width > MaximumSide || gray.Height > MaximumSide || !IsAvailable)
        {
            return null;
        }

        var config = default(Config);
        var picture = default(Picture);
        if (WebPConfigInitInternal(ref config, PresetDefault, quality, EncoderAbiVersion) == 0
            || WebPPictureInitInternal(ref picture, EncoderAbiVersion) == 0)
        {
            return null;
        }

        // webpsave's settings beyond the preset; lossy, not exact, no target size, as the preset leaves them.
        config.Method = Effort;
        config.Pass = 1;
        config.AlphaQuality = 100;
        picture.Width = gray.Width;
        picture.Height = gray.Height;
        if (gray.Bands == 2)
        {
            picture.Colorspace = ColorspaceYuv420WithAlpha;
        }

        if (WebPPictureAlloc(ref picture) == 0)
        {
            return null;
        }

        var handle = default(GCHandle);
        try
        {
            // One pass, top to bottom: the image may be a sequential decode.
            using (var region = Region.New(gray))
            {
                WritePlanes(region, new Strip(gray.Width, gray.Bands), gray.Height, picture);
            }

            var output = new Output(budget);
            handle = GCHandle.Alloc(output);
            FillChroma(picture);
            picture.Writer = WriterPointer;
            picture.CustomPointer = GCHandle.ToIntPtr(handle);
            picture.ProgressHook = ProgressPointer;
            if (WebPEncode(ref config, ref picture) != 0)
            {
                return output.Bytes.ToArray();
            }

            return picture.ErrorCode == ErrorUserAbort
                ? throw new ProcessingBudgetExceededException("libwebp was stopped at the end of the processing budget")
                : null;
        }
        finally
        {
            if (handle.IsAllocated)
            {
                handle.Free();
            }

            WebPPictureFree(ref picture);
        }
    }

    /// <summary>libwebp's Y of grey pixels (limited range, 16–235), as its RGB import computes it.</summary>
    internal static void ToWebpLuma(ReadOnlySpan<byte> gray, Span<byte> luma)
    {
        if (luma.Length < gray.Length)
        {
            throw new ArgumentException("the luma is shorter than the grey pixels", nameof(luma));
        }

        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= gray.Length; i += 16)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(gray.Slice(i, 16)));
                var (first, second) = Vector128.Widen(low);
                var (third, fourth) = Vector128.Widen(high);
                Vector128.Narrow(Vector128.Narrow(Luma(first), Luma(second)), Vector128.Narrow(Luma(third), Luma(fourth)))
                    .CopyTo(luma.Slice(i, 16));
            }
        }

        for (; i < gray.Length; i++)
        {
            luma[i] = (byte)(((gray[i] * LumaWeight) + LumaOffset) >> 16);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Luma(Vector128<uint> gray) => ((gray * LumaWeight) + Vector128.Create(LumaOffset)) >> 16;

    /// <summary>Top to bottom through small reused buffers: grey (and alpha) in, libwebp's Y (and alpha plane) out.</summary>
    private static void WritePlanes(Region region, Strip strip, int height, Picture picture)
    {
        for (var top = 0; top < height; top += strip.Rows)
        {
            var rows = Math.Min(strip.Rows, height - top);
            var pixels = strip.Fetch(region, top, rows);
            for (var row = 0; row < rows; row++)
            {
                var (luma, alpha) = strip.Split(pixels.Slice(row * strip.RowLength, strip.RowLength));
                Marshal.Copy(luma, 0, picture.Y + ((top + row) * picture.YStride), strip.Width);
                if (picture.A != IntPtr.Zero)
                {
                    Marshal.Copy(alpha, 0, picture.A + ((top + row) * picture.AStride), strip.Width);
                }
            }
        }
    }

    private static void FillChroma(Picture picture)
    {
        var (width, height) = ((picture.Width + 1) / 2, (picture.Height + 1) / 2);
        var neutral = new byte[width];
        Array.Fill(neutral, NeutralChroma);
        for (var row = 0; row < height; row++)
        {
            Marshal.Copy(neutral, 0, picture.U + (row * picture.UvStride), width);
            Marshal.Copy(neutral, 0, picture.V + (row * picture.UvStride), width);
        }
    }

    private static Output OutputOf(IntPtr picture) =>
        (Output)GCHandle.FromIntPtr(Marshal.ReadIntPtr(picture, CustomPointerOffset)).Target!;

    // Called by libwebp, which must not see an exception: a failure returns 0, and WebPEncode then fails.
    private static int Write(IntPtr data, nuint size, IntPtr picture)
    {
        try
        {
            var bytes = OutputOf(picture).Bytes;
            var length = checked((int)size);
            var start = (int)bytes.Length;
            bytes.SetLength(checked(start + length));
            Marshal.Copy(data, bytes.GetBuffer(), start, length);
            bytes.Position = bytes.Length;
            return 1;
        }
        catch (Exception)
        {
            return 0;
        }
    }

    private static int OnProgress(int percent, IntPtr picture)
    {
        try
        {
            return OutputOf(picture).Budget.IsCancellationRequested ? 0 : 1;
        }
        catch (Exception)
        {
            return 0;
        }
    }

    private static bool Probe() => NativeImports.CanCall(() =>
    {
        var config = default(Config);
        var picture = default(Picture);
        var usable = WebPConfigInitInternal(ref config, PresetDefault, 75, EncoderAbiVersion) != 0
            && WebPPictureInitInternal(ref picture, EncoderAbiVersion) != 0;
        WebPPictureFree(ref picture); // a picture of no size holds nothing; this binds the import
        return usable;
    });

    /// <summary>A few rows of the image at a time, and one row of its Y and of its alpha.</summary>
    private sealed class Strip
    {
        private readonly byte[] pixels;
        private readonly byte[] luma;
        private readonly byte[] alpha;
        private readonly int bands;

        public Strip(int width, int bands)
        {
            (Width, this.bands) = (width, bands);
            RowLength = width * bands;
            Rows = RegionPixels.RowsPerStrip(RowLength);
            pixels = new byte[Rows * RowLength];
            luma = new byte[width];
            alpha = bands == 2 ? new byte[width] : [];
        }

        public int Width { get; }

        public int RowLength { get; }

        public int Rows { get; }

        public ReadOnlySpan<byte> Fetch(Region region, int top, int rows) =>
            RegionPixels.FetchRows(region, Width, bands, top, rows, pixels);

        /// <summary>One row's Y for libwebp, and its alpha where the image has it.</summary>
        public (byte[] Luma, byte[] Alpha) Split(ReadOnlySpan<byte> row)
        {
            if (bands == 1)
            {
                ToWebpLuma(row, luma);
                return (luma, alpha);
            }

            for (var x = 0; x < Width; x++)
            {
                luma[x] = row[2 * x];
                alpha[x] = row[(2 * x) + 1];
            }

            ToWebpLuma(luma, luma);
            return (luma, alpha);
        }
    }

    private sealed class Output(CancellationToken budget)
    {
        public MemoryStream Bytes { get; } = new();

        public CancellationToken Budget { get; } = budget;
    }

    // libwebp's encode.h, ABI 0x020f (libwebp 1.2 to 1.6), for 64-bit targets.

    /// <summary>WebPConfig.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Config
    {
        public int Lossless;
        public float Quality;
        public int Method;
        public int ImageHint;
        public int TargetSize;
        public float TargetPsnr;
        public int Segments;
        public int SnsStrength;
        public int FilterStrength;
        public int FilterSharpness;
        public int FilterType;
        public int Autofilter;
        public int AlphaCompression;
        public int AlphaFiltering;
        public int AlphaQuality;
        public int Pass;
        public int ShowCompressed;
        public int Preprocessing;
        public int Partitions;
        public int PartitionLimit;
        public int EmulateJpegSize;
        public int ThreadLevel;
        public int LowMemory;
        public int NearLossless;
        public int Exact;
        public int UseDeltaPalette;
        public int UseSharpYuv;
        public int QualityMin;
        public int QualityMax;
    }

    /// <summary>WebPPicture: YUV420 planes where <see cref="UseArgb"/> is 0.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Picture
    {
        public int UseArgb;
        public int Colorspace;
        public int Width;
        public int Height;
        public IntPtr Y;
        public IntPtr U;
        public IntPtr V;
        public int YStride;
        public int UvStride;
        public IntPtr A;
        public int AStride;
        public Padding2 Padding1;
        public IntPtr Argb;
        public int ArgbStride;
        public Padding3 Padding2;
        public IntPtr Writer;
        public IntPtr CustomPointer;
        public int ExtraInfoType;
        public IntPtr ExtraInfo;
        public IntPtr Stats;
        public int ErrorCode;
        public IntPtr ProgressHook;
        public IntPtr UserData;
        public Padding3 Padding3;
        public IntPtr Padding4;
        public IntPtr Padding5;
        public Padding8 Padding6;
        public IntPtr Memory;
        public IntPtr MemoryArgb;
        public IntPtr Padding7a;
        public IntPtr Padding7b;
    }

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WebPConfigInitInternal(ref Config config, int preset, float quality, int version);

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WebPPictureInitInternal(ref Picture picture, int version);

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WebPPictureAlloc(ref Picture picture);

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void WebPPictureFree(ref Picture picture);

    [DllImport(NativeImports.Webp, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WebPEncode(ref Config config, ref Picture picture);
}
