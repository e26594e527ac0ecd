using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Http.Features;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>
/// A way to upload that needs nothing installed: <c>curl -T photo.jpg http://HOST/uploads/photo.jpg</c> or the
/// form at <c>/</c>. The upload carries the request's trace context in its S3 metadata (<c>traceparent</c>),
/// so the function continues the same trace.
/// </summary>
public static class UploadEndpoints
{
    /// <summary>Larger than the pipeline's limit on purpose: oversized uploads get the pipeline's verdict, not an HTTP 413.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    public static WebApplication MapUploadEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Results.Content(UploadPage.Html, "text/html; charset=utf-8"));
        app.MapMethods("/uploads/{**name}", ["PUT", "POST"], UploadAsync);
        app.MapGet("/status/{**name}", StatusAsync);
        return app;
    }

    private static async Task<IResult> UploadAsync(string name, HttpRequest request, IAmazonS3 s3, LocalPipeline pipeline, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.EndsWith('/'))
        {
            return Results.BadRequest(new UploadProblem("name the file: /uploads/<path/file.ext>"));
        }

        request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = MaxRequestBytes;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        var bytes = body.Length;

        var key = pipeline.Settings.Layout.InputPrefix + name;
        var put = new PutObjectRequest
        {
            BucketName = pipeline.Resources.Bucket,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = request.ContentType ?? "application/octet-stream",
            // S3 verifies it on arrival and keeps it; the function records it instead of hashing the body again.
            ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
        };
        if (Activity.Current is { } activity)
        {
            put.Metadata["traceparent"] = activity.Id;
            if (!string.IsNullOrEmpty(activity.TraceStateString))
            {
                put.Metadata["tracestate"] = activity.TraceStateString;
            }
        }

        var response = await s3.PutObjectAsync(put, cancellationToken);
        return Results.Accepted(
            $"/status/{Uri.EscapeDataString(name).Replace("%2F", "/", StringComparison.Ordinal)}",
            new UploadAccepted(pipeline.Resources.Bucket, key, response.VersionId, bytes, Activity.Current?.TraceId.ToHexString()));
    }

    /// <summary>The DynamoDB records of an upload, newest attempt first.</summary>
    private static async Task<IResult> StatusAsync(string name, IAmazonDynamoDB dynamoDb, LocalPipeline pipeline, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = pipeline.Resources.RecordsTable,
            KeyConditionExpression = "#pk = :key",
            ExpressionAttributeNames = new() { ["#pk"] = Schema.PartitionKey },
            ExpressionAttributeValues = new() { [":key"] = new AttributeValue { S = pipeline.Settings.Layout.InputPrefix + name } },
            ConsistentRead = true,
        }, cancellationToken);
        var records = new JsonArray([.. response.Items.Select(item => (JsonNode)ToJson(item)).Reverse()]);
        return records.Count == 0 ? Results.NotFound(new UploadProblem("no record yet", name)) : Results.Json(records, UploadJsonContext.Default.JsonArray);
    }

    private static JsonObject ToJson(Dictionary<string, AttributeValue> item) =>
        new(item.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => KeyValuePair.Create(pair.Key, ToJson(pair.Value))));

    private static JsonNode? ToJson(AttributeValue value) => value switch
    {
        { S: { } text } => text,
        { N: { } number } => JsonValue.Create(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture)),
        { BOOL: { } flag } => flag,
        { L: { } list } => new JsonArray([.. list.Select(ToJson)]),
        { M: { } map } => ToJson(map),
        _ => null,
    };
}
