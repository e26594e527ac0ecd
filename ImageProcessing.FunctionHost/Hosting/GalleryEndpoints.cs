using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using ImageProcessing.Function.Aws;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>
/// What the upload page reads: an upload's newest record, the recent uploads, and the renditions' bytes, served
/// from the emulator's private bucket (only keys under the output prefix).
/// </summary>
public static class GalleryEndpoints
{
    /// <summary>The gallery's length; the local table is small, so a scan is fine here (never on AWS).</summary>
    public const int RecentUploads = 24;

    public static WebApplication MapGalleryEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/uploads", RecentAsync);
        app.MapGet("/api/uploads/{**name}", UploadAsync);
        app.MapGet("/renditions/{**key}", RenditionAsync);
        return app;
    }

    private static async Task<IResult> RecentAsync(IAmazonDynamoDB dynamoDb, LocalPipeline pipeline, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? next = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = pipeline.Resources.RecordsTable, ExclusiveStartKey = next }, cancellationToken);
            items.AddRange(page.Items ?? []);
            next = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (next is not null && items.Count < 1000);

        var views = items.Select(RecordMapper.FromItem)
            .OrderByDescending(record => record.ReceivedAt)
            .Take(RecentUploads)
            .Select(record => UploadView.From(record, pipeline.Settings.Layout.InputPrefix))
            .ToList();
        return Results.Json(views, UploadJsonContext.Default.ListUploadView);
    }

    private static async Task<IResult> UploadAsync(string name, IAmazonDynamoDB dynamoDb, LocalPipeline pipeline, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = pipeline.Resources.RecordsTable,
            KeyConditionExpression = "#pk = :key",
            ExpressionAttributeNames = new() { ["#pk"] = Schema.PartitionKey },
            ExpressionAttributeValues = new() { [":key"] = new AttributeValue { S = pipeline.Settings.Layout.InputPrefix + name } },
            ConsistentRead = true,
        }, cancellationToken);
        var newest = (response.Items ?? []).Select(RecordMapper.FromItem).OrderByDescending(record => record.ReceivedAt).FirstOrDefault();
        return newest is null
            ? Results.NotFound(new UploadProblem("no record yet", name))
            : Results.Json(UploadView.From(newest, pipeline.Settings.Layout.InputPrefix), UploadJsonContext.Default.UploadView);
    }

    private static async Task<IResult> RenditionAsync(string key, IAmazonS3 s3, LocalPipeline pipeline, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(pipeline.Settings.Layout.OutputPrefix, StringComparison.Ordinal))
        {
            return Results.NotFound(new UploadProblem("only renditions are served", key));
        }

        try
        {
            var response = await s3.GetObjectAsync(pipeline.Resources.Bucket, key, cancellationToken);
            return Results.Stream(response.ResponseStream, response.Headers.ContentType);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return Results.NotFound(new UploadProblem("no such rendition", key));
        }
    }
}
