namespace ImageProcessing.Fuzz;

/// <summary>
/// One fuzz target: it gets arbitrary bytes and must return normally. Any exception that escapes
/// (or a crash of the process) is a finding.
/// </summary>
internal interface IFuzzTarget
{
    string Name { get; }

    string Description { get; }

    /// <returns>A one-line outcome, printed by repro runs.</returns>
    string Run(ReadOnlySpan<byte> input);
}

internal static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } = [new ProcessTarget(), new HeadersTarget(), new RulesTarget()];

    public static IFuzzTarget? Find(string name) =>
        All.FirstOrDefault(target => target.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Thrown when a target sees a result that breaks the code's contract without an exception.</summary>
internal sealed class FuzzFindingException(string message) : Exception(message);
