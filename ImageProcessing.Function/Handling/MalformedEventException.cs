namespace ImageProcessing.Function.Handling;

/// <summary>An event that can never be processed as it is; it goes to the dead-letter queue after the retries.</summary>
public sealed class MalformedEventException(string message, Exception? inner = null) : Exception(message, inner);
