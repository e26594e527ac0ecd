using Microsoft.Playwright;

namespace ImageProcessing.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, with the executable path given (Playwright's own browser downloads fail
/// here) and the flags that keep it off the network.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"the browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium");
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    public async Task<IPage> OpenAsync(Uri address)
    {
        var page = await Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync(address.ToString());
        return page;
    }

    /// <summary>Saves a screenshot when <c>SCREENSHOT_DIR</c> is set (scripts/screenshots.sh), so the README's pictures come from these tests.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } directory)
        {
            // The dashboard's dialogs and toasts fade in: a picture is taken once they have.
            await page.WaitForTimeoutAsync(800);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = false });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
