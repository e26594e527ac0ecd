using System.Runtime.InteropServices;
using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Turns a decoded image grey into one frame in memory. The source is read top to bottom in strips, so a sequential
/// decoder never holds more than a strip of colour; only the grey result is whole. On one thread this is much cheaper
/// than libvips' <c>colourspace</c> (ADR 0003), and a frame in memory can be turned upright without another copy.
/// </summary>
internal static class GrayscaleFrame
{
    // Strips stay under the large object heap threshold: they are garbage as soon as they are converted.
    private const int StripBytes = 60 * 1024;

    private const int BytesPerCollection = 4 * 1024 * 1024;

    /// <summary>
    /// A grey (and alpha) image backed by memory, keeping the source's resolution and EXIF orientation. Takes 8-bit
    /// pixels: libvips' thumbnail always gives them, whatever the depth of the upload.
    /// </summary>
    public static Image From(Image image)
    {
        if (image.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException($"thumbnails are 8-bit, this image is {image.Format}", nameof(image));
        }

        if (image.Bands <= 2)
        {
            return image.CopyMemory();
        }

        using var frame = Convert(image);
        using var labelled = frame.Copy(interpretation: Enums.Interpretation.Bw, xres: image.Xres, yres: image.Yres);
        return WithOrientationOf(image, labelled);
    }

    /// <summary>
    /// The frame lives in native memory that is freed the moment libvips closes the image. A managed array would wait
    /// for a gen-2 collection, and a warm process would pile up frames between collections.
    /// </summary>
    private static Image Convert(Image pixels)
    {
        var outputBands = Luma.OutputBands(pixels.Bands);
        var rowLength = pixels.Width * outputBands;
        var frameBytes = checked(rowLength * pixels.Height);
        var frame = Marshal.AllocHGlobal(frameBytes);
        Image? image = null;
        try
        {
            var gray = new byte[rowLength * RowsPerStrip(pixels)];
            ForEachStrip(pixels, (strip, top, rows) =>
            {
                var length = rows * rowLength;
                Luma.Convert(strip, pixels.Bands, gray.AsSpan(0, length));
                Marshal.Copy(gray, 0, frame + (top * rowLength), length);
            });
            image = Image.NewFromMemory(frame, (ulong)frameBytes, pixels.Width, pixels.Height, outputBands, Enums.BandFormat.Uchar);
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

    private static int RowsPerStrip(Image pixels) => Math.Max(1, StripBytes / (pixels.Width * pixels.Bands));

    private static void ForEachStrip(Image pixels, Action<byte[], int, int> convert)
    {
        var rowsPerStrip = RowsPerStrip(pixels);
        var stripsPerCollection = Math.Max(1, BytesPerCollection / (rowsPerStrip * pixels.Width * pixels.Bands));
        using var region = Region.New(pixels);
        for (int top = 0, strip = 1; top < pixels.Height; top += rowsPerStrip, strip++)
        {
            var rows = Math.Min(rowsPerStrip, pixels.Height - top);
            convert(region.Fetch(0, top, pixels.Width, rows), top, rows);
            if (strip % stripsPerCollection == 0)
            {
                // NetVips copies every strip into a new array. Left to the default generation-0 budget (tens of MB
                // on CPUs with a large cache) the dead strips of one 4096² image become resident memory, and a warm
                // process keeps it. A generation-0 collection of dead strips costs microseconds.
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            }
        }
    }

    private static Image WithOrientationOf(Image source, Image target) =>
        ExifOrientation.Of(source) is { } orientation ? ExifOrientation.With(target, orientation) : target.Copy();
}
