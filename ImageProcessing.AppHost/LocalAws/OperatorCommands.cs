using System.Net.Http.Json;
using System.Security.Cryptography;
using ImageProcessing.Operations.Operator;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.AppHost.LocalAws;

/// <summary>
/// Dashboard commands on the pipeline's resources: Redrive on the dead-letter queue, Purge on the upload queue,
/// Reprocess uploads on the bucket. Each is confirmed in the dashboard, then runs in the function's host (the same
/// code as its <c>redrive</c>, <c>purge</c> and <c>reprocess</c> commands), where it is traced and logged; the result
/// is logged on the resource too.
/// </summary>
public static partial class OperatorCommands
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static IResourceBuilder<LocalPipelineResource> WithOperatorCommands(
        this IResourceBuilder<LocalPipelineResource> pipeline, IResourceBuilder<ProjectResource> function)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(function);
        // A fresh secret per run: only the app host can call the function host's operator endpoints.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        function.WithEnvironment(OperatorApi.TokenKey.Replace(":", "__", StringComparison.Ordinal), token);
        var endpoint = function.GetEndpoint("http");
        var names = pipeline.Resource.Settings.Names;
        var builder = pipeline.ApplicationBuilder;

        builder.CreateResourceBuilder(pipeline.Resource.Children[names.DeadLetterQueue]).WithCommand(OperatorApi.Redrive, "Redrive",
            context => RunAsync(context, endpoint, token, OperatorApi.Redrive, null),
            Options($"Move every message of {names.DeadLetterQueue} back to {names.UploadQueue}, to be processed again?", "ArrowRedo",
                "Moves the dead-letter queue's messages back to the upload queue"));
        builder.CreateResourceBuilder(pipeline.Resource.Children[names.UploadQueue]).WithCommand(OperatorApi.Purge, "Purge",
            context => RunAsync(context, endpoint, token, OperatorApi.Purge, null),
            Options($"Delete every message of {names.UploadQueue}? The uploads stay in the bucket; Reprocess uploads runs them again.", "Delete",
                "Deletes every message of the upload queue"));
        var inputPrefix = pipeline.Resource.Settings.Layout.InputPrefix;
        // The dialog that asks for the prefix is the confirmation: it names what will happen and acts only on its button.
        var reprocess = Options(null, "ArrowSync",
            $"Sends every upload under the prefix through the pipeline again. Uploads whose rules changed since their record are processed and announced again; the others are duplicates: no work, no second notification.");
        reprocess.Arguments =
        [
            new InteractionInput
            {
                Name = "prefix",
                Label = $"Prefix under {inputPrefix}",
                InputType = InputType.Text,
                Required = false,
                Description = $"For example 2026/ or a/photo; empty for every upload under {inputPrefix}.",
            },
        ];
        builder.CreateResourceBuilder(pipeline.Resource.Children[names.Bucket]).WithCommand(OperatorApi.Reprocess, "Reprocess uploads",
            context => RunAsync(context, endpoint, token, OperatorApi.Reprocess, context.Arguments?["prefix"]?.Value), reprocess);
        return pipeline;
    }

    private static CommandOptions Options(string? confirmation, string icon, string description) => new()
    {
        ConfirmationMessage = confirmation,
        Description = description,
        IconName = icon,
        UpdateState = state => state.ResourceSnapshot.State?.Text == KnownResourceStates.Running
            ? ResourceCommandState.Enabled
            : ResourceCommandState.Disabled,
    };

    private static async Task<ExecuteCommandResult> RunAsync(
        ExecuteCommandContext context, EndpointReference endpoint, string token, string operation, string? prefix)
    {
        if (!endpoint.IsAllocated)
        {
            return CommandResults.Failure("The image-function resource is not running: start it first.");
        }

        var path = OperatorApi.PathOf(operation) + (prefix is { Length: > 0 } ? "?prefix=" + Uri.EscapeDataString(prefix) : string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(endpoint.Url), path));
        request.Headers.Add(OperatorApi.TokenHeader, token);
        try
        {
            using var response = await Http.SendAsync(request, context.CancellationToken);
            var result = await response.Content.ReadFromJsonAsync<OperationResult>(context.CancellationToken)
                ?? throw new HttpRequestException($"the function host answered {(int)response.StatusCode} without a result");
            LogResult(context.Logger, operation, result.Succeeded ? "done" : "refused", result.Message);
            return result.Succeeded ? CommandResults.Success(result.Message) : CommandResults.Failure(result.Message);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !context.CancellationToken.IsCancellationRequested)
        {
            LogResult(context.Logger, operation, "failed", e.Message);
            return CommandResults.Failure($"The function host could not run {operation}: {e.Message}");
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Operator command {Operation} {Outcome}: {Message}")]
    private static partial void LogResult(ILogger logger, string operation, string outcome, string message);
}
