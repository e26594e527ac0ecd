namespace ImageProcessing.FunctionHost.Commands;

internal static class Usage
{
    public const string Text = """
        Usage:
          ImageProcessing.FunctionHost [serve] [--urls <url>]
          ImageProcessing.FunctionHost provision [--environment <file>]
          ImageProcessing.FunctionHost process <file-or-dir>... --out <dir> [--rules <rules.json>] [--json]
          ImageProcessing.FunctionHost redrive [--from <dlq>] [--to <queue>] [--yes]
          ImageProcessing.FunctionHost purge [--queue <queue>] [--yes]
          ImageProcessing.FunctionHost reprocess [--bucket <bucket>] [--queue <queue>] [--prefix <prefix>] [--yes]

        serve (the default)
          Runs the function as the Lambda service would: provisions (or finds) the pipeline's resources in the
          emulator at AWS_ENDPOINT_URL, feeds the function from the upload queue (batches, timeout, partial batch
          failures, dead-letter queue) and serves the upload page with /health and /alive.

        provision
          Creates (or finds) the pipeline's resources in the emulator at AWS_ENDPOINT_URL, prints them as JSON
          and exits. Refuses to run without AWS_ENDPOINT_URL: it never targets real AWS.
            --environment <file>   also writes the function's environment for them, NAME=VALUE per line

        process
          Runs the function's validation and processing on local files (directories recursively). Outputs are
          written under --out at the keys the function would write (processed/...).
            --out <dir>      where outputs are written (required)
            --rules <file>   rules JSON (default: the built-in rules)
            --json           one JSON object per input on stdout
          Exit codes: 0 every input processed or rejected with a reason, 1 an input failed unexpectedly, 2 usage error.

        redrive, purge, reprocess (operator commands; against AWS when AWS_ENDPOINT_URL is unset)
          redrive moves every message of the dead-letter queue back to the upload queue; purge deletes every
          message of a queue (the uploads stay in the bucket); reprocess sends every upload under --prefix (under
          the upload prefix; all when omitted) through the pipeline again: uploads whose rules changed are processed
          again, the others are duplicates. A queue is a URL or a name. Against the emulator the local pipeline's
          resources are the defaults; against AWS name them (stack outputs DeadLetterQueueUrl, ImagesBucketName;
          the upload queue imgpipe-image-uploads). Each asks for confirmation unless given --yes.
          Exit codes: 0 done, 1 refused (nothing to do) or failed, 2 usage error, 3 not confirmed.

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
