using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>
/// The fields libvips' loaders set that the render reads, set on an image another decoder made: the EXIF orientation,
/// which the resize turns upright, and the ICC profile, which it converts to sRGB.
/// </summary>
internal static class LoaderFields
{
    public static Image Set(Image decoded, int? orientation, byte[]? iccProfile)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        return decoded.Mutate(fields =>
        {
            if (orientation is { } turn)
            {
                fields.Set(GValue.GIntType, ExifOrientation.Field, turn);
            }

            if (iccProfile is not null)
            {
                fields.Set(GValue.BlobType, IccProfile.Field, iccProfile);
            }
        });
    }
}
