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

    /// <summary>The grey frame in native memory (<see cref="NativeFrame"/>).</summary>
    private static Image Convert(Image pixels)
    {
        var outputBands = Luma.OutputBands(pixels.Bands);
        var rowLength = pixels.Width * outputBands;
        return NativeFrame.TryCreate(pixels.Width, pixels.Height, outputBands, frame =>
            {
                ConvertStrips(pixels, frame, rowLength);
                return true;
            })
            ?? throw new InvalidOperationException("the grey frame was not written");
    }

    /// <summary>Top to bottom through two small buffers that are reused for every strip: the source's pixels and their grey.</summary>
    private static void ConvertStrips(Image pixels, IntPtr frame, int rowLength)
    {
        var sourceRowLength = pixels.Width * pixels.Bands;
        var rowsPerStrip = RegionPixels.RowsPerStrip(sourceRowLength);
        var strip = new byte[rowsPerStrip * sourceRowLength];
        var gray = new byte[rowsPerStrip * rowLength];
        using var region = Region.New(pixels);
        for (var top = 0; top < pixels.Height; top += rowsPerStrip)
        {
            var rows = Math.Min(rowsPerStrip, pixels.Height - top);
            var fetched = RegionPixels.FetchRows(region, pixels.Width, pixels.Bands, top, rows, strip);
            var length = rows * rowLength;
            Luma.Convert(fetched, pixels.Bands, gray.AsSpan(0, length));
            Marshal.Copy(gray, 0, frame + (top * rowLength), length);
        }
    }

    private static Image WithOrientationOf(Image source, Image target) =>
        ExifOrientation.Of(source) is { } orientation ? ExifOrientation.With(target, orientation) : target.Copy();
}
