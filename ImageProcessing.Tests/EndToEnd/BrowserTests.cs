using System.Text.RegularExpressions;
using System.Net.Http.Json;
using ImageProcessing.Tests.Support;
using Microsoft.Playwright;

namespace ImageProcessing.Tests.EndToEnd;

/// <summary>The upload page and the dashboard as a person uses them, in a real browser.</summary>
[Collection(AppHostGroup.Name)]
[Trait("Category", "e2e")]
public sealed class BrowserTests(AppHostFixture pipeline) : IAsyncLifetime
{
    private Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task A_jpeg_uploaded_through_the_page_shows_its_rendition()
    {
        var page = await _browser.OpenAsync(pipeline.UploadPage);

        await page.GetByLabel("Images to upload").SetInputFilesAsync(new FilePayload
        {
            Name = "browser-photo.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.Jpeg(1600, 1200),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        var card = page.Locator("#uploads li[data-name='browser-photo.jpg']");
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("processed", new() { Timeout = 60_000 });
        var image = card.GetByRole(AriaRole.Img, new() { Name = "browser-photo.jpg: fit-1024, 1024×768 jpeg" });
        await Assertions.Expect(image).ToBeVisibleAsync();
        var naturalWidth = await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(ok => img.onload = () => ok(img.naturalWidth))");
        Assert.Equal(1024, naturalWidth);
        await Assertions.Expect(page.Locator("#gallery li[data-name='browser-photo.jpg']")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Browser.ScreenshotAsync(page, "upload-page.png");
    }

    [Fact]
    public async Task A_gif_named_png_shows_its_reason_in_words_and_code()
    {
        var page = await _browser.OpenAsync(pipeline.UploadPage);

        await page.GetByLabel("Images to upload").SetInputFilesAsync(new FilePayload { Name = "browser-fake.png", MimeType = "image/png", Buffer = CraftedFiles.Gif() });
        await page.Locator("#drop").FocusAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        var card = page.Locator("#uploads li[data-name='browser-fake.png']");
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("rejected", new() { Timeout = 60_000 });
        await Assertions.Expect(card.Locator("code.reason")).ToHaveTextAsync("unsupported_format");
        await Assertions.Expect(card).ToContainTextAsync("GIF");
    }

    [Fact]
    public async Task An_uploads_trace_in_the_dashboard_runs_from_the_upload_api_through_the_function()
    {
        using var http = pipeline.CreateFunctionHostClient();
        using var upload = await http.PutAsync(new Uri("/uploads/browser-traced.jpg", UriKind.Relative), new ByteArrayContent(TestImages.Jpeg(1200, 900)));
        var traceId = (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("traceId").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(await http.GetStringAsync(new Uri("/api/uploads/browser-traced.jpg", UriKind.Relative)).ContinueWith(
            t => t.IsCompletedSuccessfully && t.Result.Contains("\"processed\"", StringComparison.Ordinal), TaskScheduler.Default)))
        {
            await Task.Delay(500);
        }

        var page = await _browser.OpenAsync(new Uri(pipeline.Dashboard, $"/traces/detail/{traceId}"));

        // The dashboard shows an AWS call span (rpc.system aws-api) as "RPC service/method".
        foreach (var span in new[] { "image.upload", "image.render fit-1024", "RPC S3/PutObject", "RPC DynamoDB/PutItem", "RPC SNS/Publish" })
        {
            await Assertions.Expect(page.GetByText(span).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }

        await Assertions.Expect(page.GetByText("upload-api").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("image-function").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "dashboard-trace.png");
    }

    [Fact]
    public async Task The_dashboard_lists_the_aws_resources_of_the_pipeline()
    {
        var page = await _browser.OpenAsync(pipeline.Dashboard);

        foreach (var name in new[] { "pipeline", "image-function", "upload-api", "image-uploads", "image-uploads-dlq", "image-records", "images", "security-alerts" })
        {
            await Assertions.Expect(page.GetByText(name, new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await Browser.ScreenshotAsync(page, "dashboard-resources.png");
    }

    [Fact]
    public async Task The_dead_letter_queue_offers_redrive_and_the_bucket_reprocessing_in_the_dashboard()
    {
        var page = await _browser.OpenAsync(pipeline.Dashboard);
        await Assertions.Expect(page.GetByText("image-uploads-dlq", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await OpenCommandAsync(page, "image-uploads-dlq", "Redrive",
            page.GetByText("Move every message of image-uploads-dlq back to image-uploads, to be processed again?"));
        // A dead-lettered event the function skips (outside the upload prefix): the redrive has at least one message to move.
        await pipeline.SeedSkippedDeadLetterAsync("browser.jpg");
        await page.Locator("fluent-button", new() { HasText = "Yes" }).ClickAsync();

        // The toast names the outcome; the notification centre keeps the command's words.
        await Assertions.Expect(page.GetByText("image-uploads-dlq \"Redrive\" succeeded").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications" }).ClickAsync();
        var moved = page.GetByText(new Regex("^Moved [0-9]+ messages? from image-uploads-dlq back to image-uploads\\.$"));
        await Assertions.Expect(moved).ToBeVisibleAsync();
        // In the notification drawer, its own Close comes before each notification's.
        await page.Locator("#NotificationsDialog").GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dismiss all" })).ToBeHiddenAsync();

        await OpenCommandAsync(page, "images", "Reprocess uploads", page.GetByText("Prefix under uploads/", new() { Exact = true }));
        await page.GetByRole(AriaRole.Textbox).FillAsync("no-such-prefix/");
        await Browser.ScreenshotAsync(page, "dashboard-reprocess.png");
        await page.Locator("fluent-button", new() { HasText = "Reprocess uploads" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No uploads under 'uploads/no-such-prefix/' in images: nothing to reprocess."))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Opens a resource's command from its Actions menu until the command's dialog shows. The dashboard redraws a row
    /// when its resource's state changes (a queue's message count after a redrive), and a menu opened on the old row
    /// closes with it; a second try opens it on the new one.
    /// </summary>
    private static async Task OpenCommandAsync(IPage page, string resource, string command, ILocator dialogText)
    {
        for (var attempt = 1; ; attempt++)
        {
            await Row(page, resource).GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = command }).ClickAsync();
            try
            {
                await Assertions.Expect(dialogText).ToBeVisibleAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }

    private static ILocator Row(IPage page, string resource) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) });
}
