namespace ImageProcessing.Function.Imaging;

/// <summary>Raised when rendering was stopped because the upload's processing budget ran out.</summary>
public sealed class ProcessingBudgetExceededException(string message, Exception? inner = null) : Exception(message, inner);
