using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Process-wide libvips settings for untrusted input: only the JPEG, PNG and WebP loaders may run,
/// operations libvips marks untrusted are blocked, and the operation cache is off so a warm process
/// keeps no decoded pixels between invocations.
/// </summary>
public static class VipsEngine
{
    private static readonly Lazy<bool> Initialized = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Initialized.Value;

    private static bool Initialize()
    {
        if (!ModuleInitializer.VipsInitialized)
        {
            throw new InvalidOperationException(
                "libvips could not be loaded: " + ModuleInitializer.Exception?.Message);
        }

        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        NetVips.NetVips.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        Operation.Block("VipsForeignLoadJpeg", false);
        Operation.Block("VipsForeignLoadPng", false);
        Operation.Block("VipsForeignLoadWebp", false);
        return true;
    }
}
