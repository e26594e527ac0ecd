namespace ImageProcessing.FunctionHost.Commands;

/// <summary>The command line cannot be used as given; the message says why (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
