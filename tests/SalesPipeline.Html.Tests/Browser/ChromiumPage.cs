using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace SalesPipeline.Html.Tests.Browser;

// Opens an HTML file in headless Chromium and reports what a reader would meet: console errors and uncaught script errors,
// every network request the page tried (a self-contained page makes none besides its own file), and for each chart (each
// outermost <svg>) whether it is visible, its size and how many data shapes it draws (elements of class "sp-mark"); then
// writes a full-page screenshot to the artifacts folder.
//
// The browser is Debian's chromium (or the one SALESPIPELINE_CHROMIUM names), launched through Playwright's
// ExecutablePath: no browser is downloaded and `playwright install` is never run. No Chromium is a failure with the way to
// get one, never a silent skip. Self-contained on purpose (this file only, Playwright and the BCL): the command-line
// tool's tests link it as it is.
internal static class ChromiumPage
{
    public const string ExecutableVariable = "SALESPIPELINE_CHROMIUM";
    public const string ArtifactsVariable = "SALESPIPELINE_ARTIFACTS";
    public const string DefaultExecutable = "/usr/bin/chromium";

    // The flags that keep Chromium from reaching anything on its own (updates, sync, metrics) and let it run as root in CI.
    private static readonly string[] Flags =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-extensions",
    ];

    // The Chromium to drive: SALESPIPELINE_CHROMIUM when set, else /usr/bin/chromium; an exception saying how to get one
    // when there is none.
    public static string Executable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultExecutable : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No Chromium at \"{path}\" ({(string.IsNullOrWhiteSpace(configured) ? "the default; " + ExecutableVariable + " is not set" : "from " + ExecutableVariable)}). "
                    + "The HTML report's browser check needs one: install Debian's package (apt-get install -y chromium) or set "
                    + ExecutableVariable
                    + " to a Chromium or Chrome executable. The check is never skipped."
            );
        }
        return path;
    }

    // Where screenshots go: SALESPIPELINE_ARTIFACTS when set (a relative path from the repository root, the folder holding
    // SalesPipeline.Core.sln above the test binaries, as CI means it), else TestResults at the repository root; without
    // a repository, from the working directory.
    public static string ArtifactsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(ArtifactsVariable);
        var folder = string.IsNullOrWhiteSpace(configured) ? "TestResults" : configured;
        if (Path.IsPathRooted(folder))
        {
            return Path.GetFullPath(folder);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, folder));
            }
        }
        return Path.GetFullPath(folder);
    }

    // Opens the file, waits for it to load, checks it and takes the screenshot "<screenshotName>.png". An inspection, when
    // given, runs on the loaded page before the checks (to read what the browser made of the page).
    public static async Task<PageReport> OpenAsync(
        string htmlPath,
        string screenshotName,
        Func<IPage, Task>? inspect = null,
        int width = 1100,
        int height = 800
    )
    {
        ArgumentNullException.ThrowIfNull(htmlPath);
        ArgumentException.ThrowIfNullOrEmpty(screenshotName);
        var file = new Uri(Path.GetFullPath(htmlPath));
        if (!File.Exists(file.LocalPath))
        {
            throw new FileNotFoundException("No page to open.", file.LocalPath);
        }
        var executable = Executable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Flags,
            }
        );
        await using var context = await browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                ServiceWorkers = ServiceWorkerPolicy.Block,
            }
        );
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add("console: " + message.Text);
                }
            }
        };
        // Uncaught script errors arrive here, not on Console.
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add("page error: " + error);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (errors)
            {
                errors.Add($"request failed: {request.Url} ({request.Failure})");
            }
        };
        // Every request but the page's own file is recorded and refused: the page must need nothing else.
        await context.RouteAsync(
            "**/*",
            async route =>
            {
                var url = route.Request.Url;
                if (SameDocument(url, file))
                {
                    await route.ContinueAsync();
                    return;
                }
                lock (requests)
                {
                    requests.Add(url);
                }
                await route.AbortAsync("blockedbyclient");
            }
        );
        await page.GotoAsync(file.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (inspect is not null)
        {
            await inspect(page);
        }

        var json = await page.EvaluateAsync<string>(ChartsScript);
        var charts = JsonSerializer.Deserialize<List<ChartReport>>(json, JsonOptions) ?? [];
        var title = await page.TitleAsync();

        var directory = ArtifactsDirectory();
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, screenshotName + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        // The requests a page could still make after load (none without script) are in by now.
        lock (errors)
        {
            lock (requests)
            {
                return new PageReport(title, [.. errors], [.. requests], charts, screenshot);
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    // Each outermost <svg>: the id of the section that holds it, its classes, whether it is rendered and visible, its box,
    // and its data shapes (class sp-mark) with a non-empty box.
    private const string ChartsScript = """
        () => JSON.stringify(Array.from(document.querySelectorAll('svg')).filter(s => !s.parentElement.closest('svg')).map(s => {
          const box = s.getBoundingClientRect();
          const style = getComputedStyle(s);
          const marks = Array.from(s.querySelectorAll('.sp-mark'));
          const drawn = marks.filter(m => { const b = m.getBoundingClientRect(); return b.width > 0 || b.height > 0; });
          const section = s.closest('section');
          return {
            section: section ? section.id : '',
            classes: s.getAttribute('class') || '',
            title: (s.querySelector('title') || {}).textContent || '',
            visible: style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0,
            width: box.width,
            height: box.height,
            marks: marks.length,
            drawnMarks: drawn.length
          };
        }))
        """;

    private static bool SameDocument(string url, Uri file) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.IsFile
        && string.Equals(uri.LocalPath, file.LocalPath, StringComparison.Ordinal);
}

// What a page showed in the browser.
internal sealed record PageReport(
    string Title,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> BlockedRequests,
    IReadOnlyList<ChartReport> Charts,
    string ScreenshotPath
)
{
    // Every problem in one list: errors, requests the page should not have made, and charts hidden, empty or drawn with
    // no data shape.
    public IReadOnlyList<string> Problems() =>
        [
            .. Errors,
            .. BlockedRequests.Select(url => "network request: " + url),
            .. Charts
                .Where(c => !c.Visible || c.Width <= 0 || c.Height <= 0 || c.Marks == 0 || c.DrawnMarks == 0)
                .Select(c =>
                    $"chart \"{c.Title}\" in section \"{c.Section}\": visible {c.Visible}, {c.Width}x{c.Height}, {c.Marks} data shapes ({c.DrawnMarks} drawn)"
                ),
        ];
}

// One chart as the browser laid it out.
internal sealed record ChartReport(
    string Section,
    string Classes,
    string Title,
    bool Visible,
    double Width,
    double Height,
    int Marks,
    int DrawnMarks
);
