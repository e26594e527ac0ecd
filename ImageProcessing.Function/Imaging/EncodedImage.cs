using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// An upload's encoded bytes as libvips reads them: pinned where they are, as one libvips source that the header
/// read and every rendition load from. NetVips' buffer loaders copy the whole file into native memory on every call
/// (twice an upload, more with several renditions); this reads it in place.
/// </summary>
/// <remarks>
/// Dispose it only after every image made from it: unpinned, the bytes may move under libvips. Nothing else keeps
/// a load alive, because the operation cache is off (<see cref="VipsEngine"/>).
/// </remarks>
public sealed class EncodedImage : IDisposable
{
    private EncodedImage(byte[] bytes, Source source) => (Bytes, Source) = (bytes, source);

    internal byte[] Bytes { get; }

    internal Source Source { get; }

    public static EncodedImage Of(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        VipsEngine.EnsureInitialized();
        return new EncodedImage(content, Source.NewFromMemory(content));
    }

    public void Dispose() => Source.Dispose();
}
