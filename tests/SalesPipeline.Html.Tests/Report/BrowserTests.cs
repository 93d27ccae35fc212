using SalesPipeline.Html.Tests.Browser;
using SalesPipeline.Html.Tests.Support;

namespace SalesPipeline.Html.Tests.Report;

// The check: the HTML report opens in headless Chromium with no console or script error, fetches nothing, and
// shows every chart visible and drawn; the screenshot is kept as a CI artifact.
public sealed class BrowserTests
{
    [Fact]
    public async Task The_book_report_renders_in_Chromium_with_every_chart_drawn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"salespipeline-html-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, BookReport.Build().ToHtml());
        try
        {
            var page = await ChromiumPage.OpenAsync(path, "html-report");

            Assert.Empty(page.Problems());
            Assert.Equal("Acme pipeline review <Q1 2026> & \"more\"", page.Title);
            // Eight sections, one chart each (section-1 .. section-8), in order.
            Assert.Equal(Enumerable.Range(1, 8).Select(i => $"section-{i}"), page.Charts.Select(c => c.Section));
            Assert.All(page.Charts, c => Assert.True(c.Marks > 0 && c.Width > 100 && c.Height > 50, c.ToString()));
            Assert.True(new FileInfo(page.ScreenshotPath).Length > 10_000, page.ScreenshotPath);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
