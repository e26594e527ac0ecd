namespace ImageProcessing.Operations.Operator;

/// <summary>What an operator command did (<see cref="Count"/> messages or uploads), or why it did nothing.</summary>
public sealed record OperationResult(bool Succeeded, int Count, string Message)
{
    public static OperationResult Done(int count, string message) => new(true, count, message);

    public static OperationResult Refused(string message) => new(false, 0, message);

    /// <summary>"1 message", "12 messages".</summary>
    internal static string Quantity(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
