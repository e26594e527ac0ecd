using NetVips;

namespace ImageProcessing.Function.Imaging;

/// <summary>The ICC profile libvips' loaders read into the image's <c>icc-profile-data</c> field; absent when there is none.</summary>
internal static class IccProfile
{
    public const string Field = "icc-profile-data";

    private static bool IsPresent(Image image) => image.GetTypeOf(Field) != IntPtr.Zero;

    public static byte[]? Of(Image image) => IsPresent(image) ? (byte[])image.Get(Field) : null;
}
