using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>The EXIF orientation libvips reads into the image's <c>orientation</c> field: 1–8, absent when there is none.</summary>
internal static class ExifOrientation
{
    public const string Field = "orientation";

    public static int? Of(Image image) => image.GetTypeOf(Field) == IntPtr.Zero ? null : (int)image.Get(Field);

    /// <summary>True for 2–8: the stored pixels are turned or mirrored.</summary>
    public static bool NeedsTurning(Image image) => Turns(Of(image));

    /// <summary>True for 2–8: the stored pixels are turned or mirrored.</summary>
    public static bool Turns(int? orientation) => orientation is >= 2 and <= 8;

    /// <summary>True for 5–8: upright, the stored width is the height.</summary>
    public static bool SwapsSides(int? orientation) => orientation is >= 5 and <= 8;

    public static Image With(Image image, int orientation) => image.Mutate(fields => fields.Set(GValue.GIntType, Field, orientation));
}
