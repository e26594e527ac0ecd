using ImageProcessing.Function.Imaging;

namespace ImageProcessing.Function.Validation;

/// <summary>What validation learned about an accepted upload.</summary>
public sealed record ValidatedUpload(ImageFormat Format, ImageDimensions Dimensions);
