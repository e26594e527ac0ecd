using System.Runtime.InteropServices;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// An 8-bit image whose pixels live in native memory that is freed the moment libvips closes it. A managed array
/// would wait for a gen-2 collection, and a warm process would pile up frames between collections.
/// </summary>
internal static class NativeFrame
{
    /// <param name="fill">Writes <c>width × height × bands</c> bytes, row after row; returns <c>false</c> when it
    /// could not, and then the memory is freed and the result is <c>null</c>.</param>
    public static Image? TryCreate(int width, int height, int bands, Func<IntPtr, bool> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var bytes = checked(width * height * bands);
        var frame = Marshal.AllocHGlobal(bytes);
        Image? image = null;
        try
        {
            if (!fill(frame))
            {
                Marshal.FreeHGlobal(frame);
                return null;
            }

            image = Image.NewFromMemory(frame, (ulong)bytes, width, height, bands, Enums.BandFormat.Uchar);
            image.OnPostClose += () => Marshal.FreeHGlobal(frame);
            return image;
        }
        catch
        {
            // Once libvips holds the frame, only its close may free it.
            if (image is null)
            {
                Marshal.FreeHGlobal(frame);
            }

            throw;
        }
    }
}
