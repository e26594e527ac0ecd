namespace ImageProcessing.Function.Imaging;

/// <summary>An encoded output image.</summary>
public sealed record RenderedImage(ImageFormat Format, int Width, int Height, byte[] Content);

/// <summary>Raised when the decoder finds the image corrupt or truncated.</summary>
public sealed class CorruptImageException(string message, Exception? inner = null) : Exception(message, inner);
