namespace ImageProcessing.FunctionHost.Commands;

internal static class Usage
{
    public const string Text = """
        Usage:
          ImageProcessing.FunctionHost [serve] [--urls <url>]
          ImageProcessing.FunctionHost provision
          ImageProcessing.FunctionHost process <file-or-dir>... --out <dir> [--rules <rules.json>] [--json]

        serve (the default)
          Runs the function as the Lambda service would: provisions (or finds) the pipeline's resources in the
          emulator at AWS_ENDPOINT_URL, feeds the function from the upload queue (batches, timeout, partial batch
          failures, dead-letter queue) and serves the upload page with /health and /alive.

        provision
          Creates (or finds) the pipeline's resources in the emulator at AWS_ENDPOINT_URL, prints them as JSON
          and exits. Refuses to run without AWS_ENDPOINT_URL: it never targets real AWS.

        process
          Runs the function's validation and processing on local files (directories recursively). Outputs are
          written under --out at the keys the function would write (processed/...).
            --out <dir>      where outputs are written (required)
            --rules <file>   rules JSON (default: the built-in rules)
            --json           one JSON object per input on stdout
          Exit codes: 0 every input processed or rejected with a reason, 1 an input failed unexpectedly, 2 usage error.

        serve and provision read INPUT_PREFIX, OUTPUT_PREFIX, Pipeline:NamePrefix and
        Pipeline:VisibilityTimeoutSeconds from the environment or the command line. serve also reads
        FunctionHost:Role (function: the event source mapping only; upload-api: the upload page only; all, the
        default) and Pipeline:Resources (the JSON provision prints: the resources are then not provisioned again).
        """;

    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Text);
        return exitCode;
    }
}
