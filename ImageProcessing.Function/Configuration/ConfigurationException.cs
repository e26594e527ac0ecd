namespace ImageProcessing.Function.Configuration;

/// <summary>A missing or invalid setting; the message names the environment variable.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
