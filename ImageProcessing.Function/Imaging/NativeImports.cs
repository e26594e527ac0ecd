using System.Reflection;
using System.Runtime.InteropServices;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Where this assembly's own native imports come from. .NET takes one resolver per assembly, so every library is
/// mapped here, before the first call of any import (each importing class calls <see cref="EnsureResolver"/> from its
/// static constructor).
/// </summary>
internal static class NativeImports
{
    public const string Libvips = "libvips";

    public const string TurboJpeg = "turbojpeg";

    public const string Webp = "webp";

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

    /// <summary>The file libwebp was loaded from, once an import of it has been bound; <c>null</c> before or without.</summary>
    public static string? WebpFile { get; private set; }

    /// <summary>
    /// Whether <paramref name="call"/> could bind its import: false where the library or the entry point is missing, so
    /// the caller leaves its work to libvips.
    /// </summary>
    public static bool CanCall(Func<bool> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call();
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        Libvips => LoadLibvips(),
        TurboJpeg => LoadBundled(assembly, "libturbojpeg.so.0", file => TurboJpegFile = file),
        Webp => LoadBundled(assembly, "libwebp.so.7", file => WebpFile = file),
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
    /// A library the Lambda package carries next to the function's assembly (scripts/build_lambda.sh), else the
    /// system's: libjpeg-turbo's TurboJPEG (ABI 0, 2.1 or later; Debian <c>libturbojpeg0</c>) and libwebp (ABI 7;
    /// Debian <c>libwebp7</c>). Where neither copy loads, the decoder that needs it reports itself unavailable and
    /// libvips decodes instead.
    /// </summary>
    private static IntPtr LoadBundled(Assembly assembly, string file, Action<string> loadedFrom)
    {
        if (!OperatingSystem.IsLinux())
        {
            return IntPtr.Zero;
        }

        var directory = Path.GetDirectoryName(assembly.Location);
        var candidates = string.IsNullOrEmpty(directory) ? [file] : new[] { Path.Combine(directory, file), file };
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                loadedFrom(candidate);
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
