namespace ImageProcessing.FunctionHost.Commands;

/// <summary>The options of <c>redrive</c>, <c>purge</c> and <c>reprocess</c>; which apply depends on the command.</summary>
internal sealed record OperatorArguments(string? From, string? To, string? Queue, string? Bucket, string Prefix, bool Confirmed)
{
    public static OperatorArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var confirmed = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--yes" or "-y":
                    confirmed = true;
                    break;
                case "--from" or "--to" or "--queue" or "--bucket" or "--prefix":
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"{args[i]} needs a value");
                    }

                    values[args[i][2..]] = args[++i];
                    break;
                default:
                    throw new UsageException($"unknown argument '{args[i]}'");
            }
        }

        return new(values.GetValueOrDefault("from"), values.GetValueOrDefault("to"), values.GetValueOrDefault("queue"),
            values.GetValueOrDefault("bucket"), values.GetValueOrDefault("prefix") ?? string.Empty, confirmed);
    }
}
