using System.IO;
using System.Threading.Tasks;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Html.Tests.Browser;

namespace SalesPipeline.Cli.Tests;

// `sales-pipeline report --html` on the embedded sample, opened in headless Chromium (the check): no console or
// script error, no request outside the page, every chart present and drawn; the screenshot is kept as cli-report.png
// under $SALESPIPELINE_ARTIFACTS (TestResults at the repository root by default).
public class HtmlReportTests
{
    [Fact]
    public async Task The_sample_report_page_renders_in_Chromium_with_every_chart_drawn()
    {
        var path = Path.Combine(Tool.TempDirectory(), "report.html");
        var run = await Tool.RunAsync("report", "--html", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Wrote " + path, run.Output);

        var page = await ChromiumPage.OpenAsync(path, "cli-report");

        Assert.Empty(page.Problems());
        Assert.StartsWith("SalesPipeline report: the embedded sample", page.Title);
        // One chart per section that has one: the pipeline's diagram, both forecasts (one chart), the distribution, the
        // funnel, the velocity levers, aging and the cash forecast.
        Assert.Equal(7, page.Charts.Count);
        Assert.All(
            page.Charts,
            c => Assert.True(c.Visible && c.Marks > 0 && c.DrawnMarks > 0 && c.Width > 100 && c.Height > 50, c.ToString())
        );
        Assert.True(new FileInfo(page.ScreenshotPath).Length > 10_000, page.ScreenshotPath);
        Assert.EndsWith("cli-report.png", page.ScreenshotPath);
    }

    [Fact]
    public async Task The_page_holds_every_table_of_the_report()
    {
        var path = Path.Combine(Tool.TempDirectory(), "report.html");
        var json = await Tool.RunAsync("report", "--json", "--html", path);
        Assert.True(json.ExitCode == 0, json.ToString());
        // With --json, standard output is the document alone; the written file is named on standard error.
        Assert.Contains("Wrote " + path, json.Error);
        var html = await File.ReadAllTextAsync(path);
        foreach (var name in ReportJson.Parse(json.Output).TableNames)
        {
            Assert.Contains(name, html);
        }
    }
}
