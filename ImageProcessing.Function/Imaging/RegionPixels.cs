using System.Runtime.InteropServices;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Reads an area of an image into a caller's buffer. NetVips' <see cref="Region.Fetch"/> returns a new array for every
/// call, which for a strip-by-strip read of a 4096² image is 50 MB of garbage; this calls the same libvips function
/// (<c>vips_region_fetch</c>) and copies into one reused buffer.
/// </summary>
internal static class RegionPixels
{
    // A few rows: the strip and the decoder's working rows stay in the CPU's cache.
    private const int StripBytes = 60 * 1024;

    // Runs before the first call of Fetch, so before its import is bound.
    static RegionPixels() => NativeImports.EnsureResolver();

    /// <summary>How many rows of <paramref name="rowLength"/> bytes one strip of a top-to-bottom read holds: at least one.</summary>
    public static int RowsPerStrip(int rowLength) => Math.Max(1, StripBytes / rowLength);

    /// <summary>
    /// Whole rows [<paramref name="top"/>, <paramref name="top"/> + <paramref name="rows"/>) of an image
    /// <paramref name="width"/> pixels of <paramref name="bands"/> bytes wide, copied to the start of
    /// <paramref name="into"/>. Fewer bytes from libvips than asked for is a bug here, not bad input.
    /// </summary>
    public static Span<byte> FetchRows(Region region, int width, int bands, int top, int rows, byte[] into)
    {
        var fetched = Fetch(region, 0, top, width, rows, into);
        var rowLength = width * bands;
        return fetched == rows * rowLength
            ? into.AsSpan(0, fetched)
            : throw new InvalidOperationException($"libvips returned {fetched} bytes for {rows} rows of {rowLength}");
    }

    /// <summary>
    /// Computes the area (decoding as far as needed) and copies it, row after row, to the start of <paramref name="into"/>;
    /// returns the bytes copied. A decoder error surfaces here as a <see cref="VipsException"/> carrying libvips' message.
    /// </summary>
    public static int Fetch(Region region, int left, int top, int width, int height, byte[] into)
    {
        var pixels = vips_region_fetch(region, left, top, width, height, out var length);
        if (pixels == IntPtr.Zero)
        {
            throw new VipsException("unable to fetch from region");
        }

        try
        {
            if (length > (nuint)into.Length)
            {
                throw new InvalidOperationException($"libvips returned {length} bytes for a {into.Length}-byte buffer");
            }

            Marshal.Copy(pixels, into, 0, (int)length);
            return (int)length;
        }
        finally
        {
            NetVips.NetVips.Free(pixels);
        }
    }

    // The region goes in as a SafeHandle, so the marshaller holds a reference for the duration of the call.
    [DllImport(NativeImports.Libvips, ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr vips_region_fetch(Region region, int left, int top, int width, int height, out nuint length);
}
