using Amazon.SQS;
using ImageProcessing.Operations;
using ImageProcessing.Operations.Operator;

namespace ImageProcessing.FunctionHost.Commands;

/// <summary>
/// <c>redrive</c>, <c>purge</c> and <c>reprocess</c>: the operator commands the runbook uses against AWS (with the
/// usual credentials) and the dashboard offers on the local pipeline's resources. Each asks for confirmation
/// unless given <c>--yes</c>.
/// </summary>
internal static class OperatorCommand
{
    /// <param name="configuration">The environment: AWS_ENDPOINT_URL, AWS_REGION, credentials, Pipeline:NamePrefix.</param>
    public static async Task<int> RunAsync(
        string command, IReadOnlyList<string> args, IConfiguration configuration, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        using var clients = new AwsClients(configuration);
        // Logs go to stderr, so stdout carries only the result.
        using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var logger = logging.CreateLogger("ImageProcessing.Operations." + command);
        // Against an emulator the local pipeline's names are the defaults; against AWS every target must be named.
        var local = clients.Endpoint is null ? null : LocalPipelineSettings.From(configuration);
        try
        {
            var arguments = OperatorArguments.Parse(args);
            var target = await ResolveAsync(command, arguments, clients.Sqs, local, logger);
            if (!arguments.Confirmed && !await ConfirmAsync(target.Question, stdin, stdout))
            {
                await stderr.WriteLineAsync("cancelled: nothing was changed (give --yes to confirm without a prompt)");
                return 3;
            }

            var result = await target.Run(clients, CancellationToken.None);
            await (result.Succeeded ? stdout : stderr).WriteLineAsync(result.Message);
            return result.Succeeded ? 0 : 1;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            await stderr.WriteLineAsync(Usage.Text);
            return 2;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            await stderr.WriteLineAsync($"error: {command} at {clients.Endpoint?.ToString() ?? "AWS " + clients.Region} failed: {e.Message}");
            return 1;
        }
    }

    private sealed record Target(string Question, Func<AwsClients, CancellationToken, Task<OperationResult>> Run);

    private static async Task<Target> ResolveAsync(string command, OperatorArguments arguments, IAmazonSQS sqs, LocalPipelineSettings? local, ILogger logger)
    {
        switch (command)
        {
            case "redrive":
                var from = await QueueUrlAsync(sqs, arguments.From, local?.Names.DeadLetterQueue, "--from <dead-letter queue URL>");
                var to = await QueueUrlAsync(sqs, arguments.To, local?.Names.UploadQueue, "--to <upload queue URL>");
                return new($"Move every message of {QueueCounts.NameOf(from)} back to {QueueCounts.NameOf(to)}?",
                    (clients, ct) => new QueueOperations(clients.Sqs, logger).RedriveAsync(from, to, ct));
            case "purge":
                var queue = await QueueUrlAsync(sqs, arguments.Queue, local?.Names.UploadQueue, "--queue <queue URL>");
                return new($"Delete every message of {QueueCounts.NameOf(queue)}? The uploads stay in the bucket.",
                    (clients, ct) => new QueueOperations(clients.Sqs, logger).PurgeAsync(queue, ct));
            case "reprocess":
                var bucket = arguments.Bucket ?? local?.Names.Bucket ?? throw new UsageException("--bucket <images bucket> is required against AWS");
                var uploads = await QueueUrlAsync(sqs, arguments.Queue, local?.Names.UploadQueue, "--queue <upload queue URL>");
                var inputPrefix = local?.Layout.InputPrefix ?? Pipeline.PipelineDefinition.InputPrefix;
                var prefix = ReprocessOperation.KeyPrefix(inputPrefix, arguments.Prefix);
                return new($"Send every upload under s3://{bucket}/{prefix} through the pipeline again?",
                    (clients, ct) => new ReprocessOperation(clients.S3, clients.Sqs, logger).ReprocessAsync(bucket, inputPrefix, arguments.Prefix, uploads, clients.Region, ct));
            default:
                throw new UsageException($"unknown command '{command}'");
        }
    }

    /// <summary>A queue URL as given, or the URL of a queue given by name (or, locally, by default).</summary>
    private static async Task<string> QueueUrlAsync(IAmazonSQS sqs, string? given, string? localDefault, string option)
    {
        var queue = given ?? localDefault ?? throw new UsageException($"{option} is required against AWS");
        if (Uri.TryCreate(queue, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            return queue;
        }

        return (await sqs.GetQueueUrlAsync(queue)).QueueUrl;
    }

    private static async Task<bool> ConfirmAsync(string question, TextReader stdin, TextWriter stdout)
    {
        await stdout.WriteAsync(question + " [y/N] ");
        await stdout.FlushAsync();
        return (await stdin.ReadLineAsync())?.Trim() is "y" or "Y" or "yes";
    }
}
