using System.Security.Cryptography;
using System.Text;
using ImageProcessing.Operations.Operator;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>
/// The operator commands over HTTP (<see cref="OperatorApi"/>), for the app host's dashboard commands: they run here,
/// where the function's clients and telemetry are, so each command is a trace and a log of this resource.
/// </summary>
public static class OperatorEndpoints
{
    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration[OperatorApi.TokenKey] is not { Length: >= OperatorApi.MinimumTokenLength } token)
        {
            return app;
        }

        var operations = app.MapGroup(OperatorApi.Root).AddEndpointFilter(async (context, next) =>
            Authorized(context.HttpContext.Request, token) ? await next(context) : Results.Unauthorized());
        operations.MapPost("/" + OperatorApi.Redrive, (QueueOperations queues, LocalPipeline pipeline, CancellationToken ct) =>
            ResultAsync(queues.RedriveAsync(pipeline.Resources.DeadLetterQueueUrl, pipeline.Resources.UploadQueueUrl, ct)));
        operations.MapPost("/" + OperatorApi.Purge, (QueueOperations queues, LocalPipeline pipeline, CancellationToken ct) =>
            ResultAsync(queues.PurgeAsync(pipeline.Resources.UploadQueueUrl, ct)));
        operations.MapPost("/" + OperatorApi.Reprocess, (string? prefix, ReprocessOperation reprocess, LocalPipeline pipeline, CancellationToken ct) =>
            ResultAsync(reprocess.ReprocessAsync(pipeline.Resources.Bucket, pipeline.Settings.Layout.InputPrefix, prefix ?? string.Empty,
                pipeline.Resources.UploadQueueUrl, pipeline.Resources.Region, ct)));
        return app;
    }

    /// <summary>Done: 200. Refused (nothing to do, or partly done): 409. Both carry the result.</summary>
    private static async Task<IResult> ResultAsync(Task<OperationResult> operation)
    {
        var result = await operation;
        return Results.Json(result, UploadJsonContext.Default.OperationResult, statusCode: result.Succeeded ? 200 : 409);
    }

    private static bool Authorized(HttpRequest request, string token) =>
        request.Headers[OperatorApi.TokenHeader].ToString() is { Length: > 0 } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
}
