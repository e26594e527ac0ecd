using System.Reflection;
using System.Runtime.InteropServices;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Where this assembly's own native imports come from. .NET takes one resolver per assembly, so both libraries are
/// mapped here, before the first call of any import (each importing class calls <see cref="EnsureResolver"/> from its
/// static constructor).
/// </summary>
internal static class NativeImports
{
    public const string Libvips = "libvips";

    public const string TurboJpeg = "turbojpeg";

    private static readonly Lazy<bool> Registered = new(
        () =>
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeImports).Assembly, Resolve);
            return true;
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureResolver() => _ = Registered.Value;

    /// <summary>The file libturbojpeg was loaded from, once an import of it has been bound; <c>null</c> before or without.</summary>
    public static string? TurboJpegFile { get; private set; }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        Libvips => LoadLibvips(),
        TurboJpeg => LoadTurboJpeg(assembly),
        _ => IntPtr.Zero,
    };

    /// <summary>
    /// The library NetVips loaded, whose file name differs per platform. It is looked up as NetVips looks it up
    /// (default search paths, relative to NetVips' assembly), so both get the same handle.
    /// </summary>
    private static IntPtr LoadLibvips()
    {
        var file = OperatingSystem.IsWindows() ? "libvips-42.dll"
            : OperatingSystem.IsMacOS() ? "libvips.42.dylib"
            : "libvips.so.42";
        return NativeLibrary.TryLoad(file, typeof(Image).Assembly, searchPath: null, out var handle) ? handle : IntPtr.Zero;
    }

    /// <summary>
    /// libjpeg-turbo's TurboJPEG library (ABI 0, version 2.1 or later): the copy the Lambda package carries next to the
    /// function's assembly (scripts/build_lambda.sh), else the system's (Debian <c>libturbojpeg0</c>). Where neither
    /// loads, <see cref="TurboJpegDecoder"/> reports itself unavailable and libvips decodes every JPEG.
    /// </summary>
    private static IntPtr LoadTurboJpeg(Assembly assembly)
    {
        if (!OperatingSystem.IsLinux())
        {
            return IntPtr.Zero;
        }

        const string file = "libturbojpeg.so.0";
        var directory = Path.GetDirectoryName(assembly.Location);
        var candidates = string.IsNullOrEmpty(directory) ? [file] : new[] { Path.Combine(directory, file), file };
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                TurboJpegFile = candidate;
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
