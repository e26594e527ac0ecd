using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// Turns a decoded image grey into one frame in memory. The source is read top to bottom in strips, so a sequential
/// decoder never holds more than a strip of colour; only the grey result is whole. Converting here costs a fifth of
/// libvips' <c>colourspace</c> (ADR 0003), and a frame in memory can then be turned upright without another copy.
/// </summary>
internal static class GrayscaleFrame
{
    // Strips stay under the large object heap threshold: they are garbage as soon as they are converted.
    private const int StripBytes = 60 * 1024;

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

    private static Image Convert(Image pixels)
    {
        var outputBands = Luma.OutputBands(pixels.Bands);
        var rowLength = pixels.Width * outputBands;
        var frame = GC.AllocateUninitializedArray<byte>(checked(rowLength * pixels.Height));
        ForEachStrip(pixels, (strip, top, rows) =>
            Luma.Convert(strip, pixels.Bands, frame.AsSpan(top * rowLength, rows * rowLength)));
        return Image.NewFromMemory(frame, pixels.Width, pixels.Height, outputBands, Enums.BandFormat.Uchar);
    }

    private static void ForEachStrip(Image pixels, Action<byte[], int, int> convert)
    {
        var rowBytes = pixels.Width * pixels.Bands;
        var rowsPerStrip = Math.Max(1, StripBytes / rowBytes);
        using var region = Region.New(pixels);
        for (var top = 0; top < pixels.Height; top += rowsPerStrip)
        {
            var rows = Math.Min(rowsPerStrip, pixels.Height - top);
            convert(region.Fetch(0, top, pixels.Width, rows), top, rows);
        }
    }

    private static Image WithOrientationOf(Image source, Image target)
    {
        if (source.GetTypeOf("orientation") == IntPtr.Zero)
        {
            return target.Copy();
        }

        var orientation = (int)source.Get("orientation");
        return target.Mutate(image => image.Set(GValue.GIntType, "orientation", orientation));
    }
}
