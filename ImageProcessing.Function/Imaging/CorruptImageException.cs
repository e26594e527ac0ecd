namespace ImageProcessing.Function.Imaging;

/// <summary>Raised when the decoder finds the image corrupt or truncated.</summary>
public sealed class CorruptImageException(string message, Exception? inner = null) : Exception(message, inner);
