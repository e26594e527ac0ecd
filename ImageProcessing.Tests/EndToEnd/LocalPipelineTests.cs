using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using Amazon.SQS.Model;
using ImageProcessing.Operations;
using Microsoft.Extensions.DependencyInjection;
using ImageProcessing.Tests.Support;
using Schema = ImageProcessing.Pipeline.PipelineDefinition.RecordsTable;

namespace ImageProcessing.Tests.EndToEnd;

/// <summary>The app host end to end: uploads through S3, outputs, records, notifications, one trace, the DLQ.</summary>
[Collection(AppHostGroup.Name)]
[Trait("Category", "e2e")]
public sealed class LocalPipelineTests(AppHostFixture pipeline)
{
    private static readonly LocalNames Names = new();

    [Fact]
    public async Task Uploads_are_processed_rejected_announced_and_traced()
    {
        var traceId = ActivityTraceId.CreateRandom();
        await UploadAsync("uploads/e2e/photo.jpg", TestImages.Jpeg(2048, 1536), traceId);
        await UploadAsync("uploads/e2e/icon_thumb.png", TestImages.Png(640, 480));
        await UploadAsync("uploads/e2e/fake.png", CraftedFiles.Gif());

        var photo = await FinalRecordAsync("uploads/e2e/photo.jpg");
        var icon = await FinalRecordAsync("uploads/e2e/icon_thumb.png");
        var fake = await FinalRecordAsync("uploads/e2e/fake.png");

        Assert.Equal("processed", photo["status"].S);
        Assert.Equal("processed", icon["status"].S);
        Assert.Equal(("rejected", "unsupported_format"), (fake["status"].S, fake["reason"].S));
        await AssertImageAsync("processed/e2e/photo.jpg", 1024, 768);
        await AssertImageAsync("processed/e2e/icon_thumb.png", 200, 150);

        var events = await DrainAsync(await QueueUrlAsync(Names.ImageEventsInbox), expected: 3);
        Assert.Equal(["processed", "processed", "rejected"], events.Select(StatusOf).Order(StringComparer.Ordinal));

        var spans = await SpansOfTraceAsync(traceId, ["image.upload", "image.validate", "image.render fit-1024", "S3 PutObject", "DynamoDB PutItem", "SNS Publish"]);
        Assert.All(spans, span => Assert.Equal(traceId.ToHexString(), span.TraceId));
        // Each AWS call is one span: the HTTP request inside it is not traced a second time.
        Assert.DoesNotContain(spans, span => span.Name is "GET" or "PUT" or "POST" or "HEAD" or "DELETE");
    }

    [Fact]
    public async Task An_upload_through_the_function_host_is_processed_and_its_status_is_json()
    {
        using var http = pipeline.CreateFunctionHostClient();
        var content = TestImages.Png(640, 480);
        using var upload = await http.PutAsync(new Uri("/uploads/e2e/via-http_thumb.png", UriKind.Relative), new ByteArrayContent(content));

        Assert.Equal(System.Net.HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal("/status/e2e/via-http_thumb.png", upload.Headers.Location?.OriginalString);
        var accepted = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((Names.Bucket, "uploads/e2e/via-http_thumb.png"), (accepted.GetProperty("bucket").GetString(), accepted.GetProperty("key").GetString()));
        Assert.True(accepted.GetProperty("bytes").GetInt64() > 0);
        Assert.Equal(32, accepted.GetProperty("traceId").GetString()?.Length);
        var record = await FinalRecordAsync("uploads/e2e/via-http_thumb.png");
        Assert.Equal("processed", record["status"].S);
        // The host uploads with a SHA-256 checksum, which S3 verifies; the record carries that digest.
        var digest = System.Security.Cryptography.SHA256.HashData(content);
        var stored = await pipeline.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest
        {
            BucketName = Names.Bucket, Key = "uploads/e2e/via-http_thumb.png", ChecksumMode = Amazon.S3.ChecksumMode.ENABLED,
        });
        Assert.Equal(Convert.ToBase64String(digest), stored.ChecksumSHA256);
        Assert.Equal(Convert.ToHexStringLower(digest), record["sourceSha256"].S);

        using var status = await http.GetAsync(upload.Headers.Location);
        Assert.Equal(System.Net.HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("application/json", status.Content.Headers.ContentType?.MediaType);
        var records = await status.Content.ReadFromJsonAsync<JsonElement>();
        var newest = records.EnumerateArray().First();
        Assert.Equal(("processed", "uploads/e2e/via-http_thumb.png"), (newest.GetProperty("status").GetString(), newest.GetProperty("sourceKey").GetString()));
        Assert.Equal(200, newest.GetProperty("outputs")[0].GetProperty("width").GetInt32());
        var announced = Assert.Single(await DrainAsync(await QueueUrlAsync(Names.ImageEventsInbox), expected: 1));
        Assert.Contains("uploads/e2e/via-http_thumb.png", announced.GetProperty("Message").GetString(), StringComparison.Ordinal);

        using var unknown = await http.GetAsync(new Uri("/status/e2e/never-uploaded.png", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("no record yet", "e2e/never-uploaded.png"), (problem.GetProperty("error").GetString(), problem.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task The_aws_resources_are_dashboard_resources_with_their_settings_and_live_message_counts()
    {
        var notifications = pipeline.App.ResourceNotifications;
        foreach (var name in new[] { "image-processing-key", Names.Bucket, Names.UploadQueue, Names.DeadLetterQueue, Names.RecordsTable,
            Names.ImageEventsTopic, Names.SecurityAlertsTopic, Names.ImageEventsInbox, Names.SecurityAlertsInbox })
        {
            await notifications.WaitForResourceAsync(name, Aspire.Hosting.ApplicationModel.KnownResourceStates.Running).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal("3", Property(Names.UploadQueue, "aws.max-receives"));
        Assert.Equal("14 days", Property(Names.UploadQueue, "aws.retention"));
        Assert.Equal("uploads/", Property(Names.Bucket, "aws.notification.prefix"));
        Assert.Equal("expiresAt", Property(Names.RecordsTable, "aws.ttl-attribute"));
        Assert.Equal("alias/image-processing", Property("image-processing-key", "aws.alias"));
        Assert.Equal("AWS::SQS::Queue", Snapshot(Names.DeadLetterQueue).ResourceType);

        // The counts follow the queue: a message sent now shows within a few refreshes.
        var inbox = await QueueUrlAsync(Names.SecurityAlertsInbox);
        int Visible() => int.Parse(Property(Names.SecurityAlertsInbox, "aws.messages.visible") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var before = Visible();
        await pipeline.Sqs.SendMessageAsync(inbox, "{\"counted\":true}");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Visible() <= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(Visible() > before, $"the visible count stayed at {before}");
        await DrainAsync(inbox, expected: before + 1);
    }

    private Aspire.Hosting.ApplicationModel.CustomResourceSnapshot Snapshot(string name) =>
        pipeline.App.ResourceNotifications.TryGetCurrentState(name, out var resource) ? resource.Snapshot : throw new InvalidOperationException($"no resource {name}");

    private string? Property(string name, string property) =>
        Snapshot(name).Properties.FirstOrDefault(p => p.Name == property)?.Value?.ToString();

    [Fact]
    public async Task A_message_that_keeps_failing_ends_in_the_dead_letter_queue()
    {
        var queueUrl = await QueueUrlAsync(Names.UploadQueue);
        var sent = await pipeline.Sqs.SendMessageAsync(queueUrl, "this is not an S3 event");

        var dlqUrl = await QueueUrlAsync(Names.DeadLetterQueue);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var received = await pipeline.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = dlqUrl, WaitTimeSeconds = 2, MessageSystemAttributeNames = ["All"] });
            if (received.Messages?.FirstOrDefault(m => m.MessageId == sent.MessageId) is { } dead)
            {
                Assert.Equal("this is not an S3 event", dead.Body);
                // Delivered and failed max-receive-count (3) times before SQS moved it.
                Assert.True(int.Parse(dead.Attributes["ApproximateReceiveCount"], System.Globalization.CultureInfo.InvariantCulture) >= 3);
                return;
            }
        }

        Assert.Fail("the failing message never reached the dead-letter queue");
    }

    [Fact]
    public async Task The_resources_commands_redrive_the_dead_letter_queue_and_reprocess_uploads_or_say_why_not()
    {
        var commands = pipeline.App.Services.GetRequiredService<Aspire.Hosting.ApplicationModel.ResourceCommandService>();
        // A dead-lettered event the function will skip (outside the upload prefix), so it leaves the queues for good.
        await pipeline.SeedSkippedDeadLetterAsync("x.jpg");

        // The command runs in image-function: under this trace, its span is on the dashboard's traces.
        var traceId = ActivityTraceId.CreateRandom();
        Aspire.Hosting.ApplicationModel.ExecuteCommandResult redrive;
        using (new Activity("e2e redrive").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            redrive = await commands.ExecuteCommandAsync(Names.DeadLetterQueue, "redrive");
        }

        Assert.True(redrive.Success, redrive.Message);
        await SpansOfTraceAsync(traceId, ["operator redrive"]);
        Assert.Matches($"^Moved [0-9]+ messages? from {Names.DeadLetterQueue} back to {Names.UploadQueue}\\.$", redrive.Message);

        await UploadAsync("uploads/e2e-reprocess/again.jpg", TestImages.Jpeg(640, 480));
        Assert.Equal("1", (await FinalRecordAsync("uploads/e2e-reprocess/again.jpg"))["attempts"].N);
        await DrainAsync(await QueueUrlAsync(Names.ImageEventsInbox), expected: 1);
        var reprocess = await commands.ExecuteCommandAsync(Names.Bucket, "reprocess", Prefix("e2e-reprocess/"), CancellationToken.None);
        Assert.True(reprocess.Success, reprocess.Message);
        Assert.StartsWith("Queued 1 upload under 'uploads/e2e-reprocess/'", reprocess.Message, StringComparison.Ordinal);

        var unknown = await commands.ExecuteCommandAsync(Names.Bucket, "reprocess", Prefix("no-such-prefix/"), CancellationToken.None);
        Assert.False(unknown.Success);
        Assert.Equal("No uploads under 'uploads/no-such-prefix/' in images: nothing to reprocess.", unknown.Message);

        var model = pipeline.App.Services.GetRequiredService<Aspire.Hosting.ApplicationModel.DistributedApplicationModel>();
        foreach (var (resource, command) in new[] { (Names.DeadLetterQueue, "redrive"), (Names.UploadQueue, "purge"), (Names.Bucket, "reprocess") })
        {
            var annotations = model.Resources.Single(r => r.Name == resource).Annotations.OfType<Aspire.Hosting.ApplicationModel.ResourceCommandAnnotation>();
            // Confirmed by a dialog: a confirmation, or the dialog that asks for the command's arguments.
            Assert.Contains(annotations, a => a.Name == command && (!string.IsNullOrEmpty(a.ConfirmationMessage) || a.Arguments.Count > 0));
        }
    }

    private static Aspire.Hosting.InteractionInputCollection Prefix(string prefix) =>
        new([new Aspire.Hosting.InteractionInput { Name = "prefix", InputType = Aspire.Hosting.InputType.Text, Value = prefix }]);

    private async Task UploadAsync(string key, byte[] content, ActivityTraceId? traceId = null)
    {
        var request = new PutObjectRequest { BucketName = Names.Bucket, Key = key, InputStream = new MemoryStream(content) };
        if (traceId is { } id)
        {
            request.Metadata["traceparent"] = $"00-{id.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        }

        await pipeline.S3.PutObjectAsync(request);
    }

    private async Task<Dictionary<string, AttributeValue>> FinalRecordAsync(string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var response = await pipeline.DynamoDb.QueryAsync(new QueryRequest
            {
                TableName = Names.RecordsTable,
                KeyConditionExpression = "#pk = :key",
                ExpressionAttributeNames = new() { ["#pk"] = Schema.PartitionKey },
                ExpressionAttributeValues = new() { [":key"] = new AttributeValue { S = key } },
                ConsistentRead = true,
            });
            // A poll can see an item moto is still updating (no status yet): that counts as not final.
            if (response.Items.SingleOrDefault() is { } item && item.TryGetValue("status", out var status) && status.S != "processing"
                && item.TryGetValue("notified", out var notified) && notified.BOOL == true)
            {
                return item;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"no final record for {key}");
    }

    private async Task AssertImageAsync(string key, int width, int height)
    {
        using var response = await pipeline.S3.GetObjectAsync(Names.Bucket, key);
        using var image = NetVips.Image.NewFromStream(response.ResponseStream);
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal("aws:kms", response.ServerSideEncryptionMethod.Value);
    }

    private async Task<string> QueueUrlAsync(string name) => (await pipeline.Sqs.GetQueueUrlAsync(name)).QueueUrl;

    /// <summary>Receives and deletes the inbox's messages: every test drains what its uploads announced.</summary>
    private async Task<List<JsonElement>> DrainAsync(string queueUrl, int expected)
    {
        var messages = new List<JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            var received = await pipeline.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
            foreach (var message in received.Messages ?? [])
            {
                messages.Add(JsonDocument.Parse(message.Body).RootElement.Clone());
                await pipeline.Sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle); // each test takes only its own
            }
        }

        Assert.Equal(expected, messages.Count);
        return messages;
    }

    private static string StatusOf(JsonElement notification) =>
        notification.GetProperty("MessageAttributes").GetProperty("status").GetProperty("Value").GetString()!;

    /// <summary>Reads the trace from the dashboard's telemetry API until every expected span has arrived.</summary>
    private async Task<List<(string Name, string TraceId)>> SpansOfTraceAsync(ActivityTraceId traceId, string[] expected)
    {
        using var http = new HttpClient { BaseAddress = pipeline.Dashboard };
        http.DefaultRequestHeaders.Add("x-api-key", AppHostFixture.DashboardApiKey);
        var spans = new List<(string Name, string TraceId)>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"/api/telemetry/traces/{traceId.ToHexString()}", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                var document = await response.Content.ReadFromJsonAsync<JsonElement>();
                spans = [.. document.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
                    .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
                    .SelectMany(s => s.GetProperty("spans").EnumerateArray())
                    .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("traceId").GetString()!))];
                if (expected.All(name => spans.Any(span => span.Name == name)))
                {
                    return spans;
                }
            }

            await Task.Delay(1000);
        }

        Assert.Fail($"trace {traceId} has spans [{string.Join(", ", spans.Select(s => s.Name))}], expected [{string.Join(", ", expected)}]");
        return spans;
    }
}
