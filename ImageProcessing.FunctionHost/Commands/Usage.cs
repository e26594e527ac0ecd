namespace ImageProcessing.FunctionHost.Commands;

internal static class Usage
{
    public const string Text = """
        Usage:
          ImageProcessing.FunctionHost process <file-or-dir>... --out <dir> [--rules <rules.json>] [--json]

        Runs the Lambda function's validation and processing on local files (directories recursively).
        Outputs are written under --out at the keys the function would write (processed/...).

        Options:
          --out <dir>      where outputs are written (required)
          --rules <file>   rules JSON (default: the built-in rules)
          --json           one JSON object per input on stdout
        Exit codes: 0 every input processed or rejected with a reason, 1 an input failed unexpectedly, 2 usage error.
        """;

    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Text);
        return exitCode;
    }
}
