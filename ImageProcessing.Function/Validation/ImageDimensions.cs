namespace ImageProcessing.Function.Validation;

/// <summary>Width and height as the file's header declares them, before any pixel is decoded.</summary>
public readonly record struct ImageDimensions(int Width, int Height);
