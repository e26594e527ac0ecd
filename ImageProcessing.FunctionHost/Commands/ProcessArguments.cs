namespace ImageProcessing.FunctionHost.Commands;

internal sealed record ProcessArguments(IReadOnlyList<string> Inputs, string OutputDirectory, string? RulesFile, bool Json)
{
    public static ProcessArguments Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        string? output = null;
        string? rules = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" or "-o":
                    output = ValueOf(args, ref i);
                    break;
                case "--rules":
                    rules = ValueOf(args, ref i);
                    break;
                case "--json":
                    json = true;
                    break;
                case var option when option.StartsWith('-') && option.Length > 1:
                    throw new UsageException($"unknown option '{option}'");
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }

        if (inputs.Count == 0)
        {
            throw new UsageException("no input files or directories given");
        }

        if (output is null)
        {
            throw new UsageException("--out <dir> is required");
        }

        return new ProcessArguments(inputs, output, rules, json);
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }
}
