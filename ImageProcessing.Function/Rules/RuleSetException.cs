namespace ImageProcessing.Function.Rules;

/// <summary>A rules file that cannot be used; the message points at the offending entry.</summary>
public sealed class RuleSetException(string message, Exception? inner = null) : Exception(message, inner);
