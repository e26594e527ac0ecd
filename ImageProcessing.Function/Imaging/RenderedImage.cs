namespace ImageProcessing.Function.Imaging;

/// <summary>An encoded output image.</summary>
public sealed record RenderedImage(ImageFormat Format, int Width, int Height, byte[] Content);
