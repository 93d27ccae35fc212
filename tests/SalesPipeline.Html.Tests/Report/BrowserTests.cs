using SalesPipeline.Html.Tests.Browser;
using SalesPipeline.Html.Tests.Support;

namespace SalesPipeline.Html.Tests.Report;

// The issue's check: the HTML report opens in headless Chromium with no console or script error, fetches nothing, and
// shows every chart visible and drawn; the screenshot is kept as a CI artifact.
// The tests share this class so they run one after the other: one of them changes SALESPIPELINE_CHROMIUM.
public sealed class BrowserTests
{
    // Both target frameworks run at once in CI and write their screenshots side by side: "-net8", "-net10".
    private static readonly string Framework =
        "-net" + Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Without_Chromium_the_check_fails_and_says_how_to_get_one()
    {
        var saved = Environment.GetEnvironmentVariable(ChromiumPage.ExecutableVariable);
        var path = Path.Combine(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}", "chromium");
        var page = Path.Combine(Path.GetTempPath(), $"salespipeline-html-{Guid.NewGuid():N}.html");
        File.WriteAllText(page, new HtmlReport("R").ToHtml());
        try
        {
            Environment.SetEnvironmentVariable(ChromiumPage.ExecutableVariable, path);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ChromiumPage.OpenAsync(page, "never"));

            Assert.Contains($"No Chromium at \"{path}\" (from SALESPIPELINE_CHROMIUM)", error.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
            Assert.Contains("never skipped", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumPage.ExecutableVariable, saved);
            File.Delete(page);
        }
    }

    [Fact]
    public async Task The_book_report_renders_in_Chromium_with_every_chart_drawn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"salespipeline-html-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, BookReport.Build().ToHtml());
        try
        {
            var page = await ChromiumPage.OpenAsync(path, "html-report" + Framework);

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

    [Fact]
    public async Task The_check_fails_on_a_script_error_a_console_error_a_network_request_and_an_empty_chart()
    {
        // A page made to fail every check: the browser check must see each problem (else it could not fail).
        const string page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><title>bad</title>
            <link rel="stylesheet" href="http://example.invalid/style.css"/></head>
            <body><section id="s"><svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><title>empty</title></svg></section>
            <img src="https://example.invalid/pixel.png" alt=""/>
            <script>console.error("logged error"); undefinedFunction();</script>
            </body></html>
            """;
        var path = Path.Combine(Path.GetTempPath(), $"salespipeline-html-bad-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, page);
        try
        {
            var report = await ChromiumPage.OpenAsync(path, "html-report-negative-control" + Framework);

            var problems = report.Problems();
            Assert.Contains(
                problems,
                p => p.StartsWith("page error: ", StringComparison.Ordinal) && p.Contains("undefinedFunction", StringComparison.Ordinal)
            );
            Assert.Contains("console: logged error", problems);
            Assert.Contains("network request: http://example.invalid/style.css", problems);
            Assert.Contains("network request: https://example.invalid/pixel.png", problems);
            Assert.Contains(
                problems,
                p =>
                    p.StartsWith("chart \"empty\" in section \"s\"", StringComparison.Ordinal)
                    && p.Contains("0 data shapes", StringComparison.Ordinal)
            );
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Hostile_text_reads_back_through_Chromiums_HTML_parser()
    {
        // The HTML parser, not only an XML one, must give each text back (with docs/html.md's stand-ins) and build no
        // element from it.
        string[] texts =
        [
            "<script>document.title='owned'</script>",
            "</td></tr></table><img src=x onerror=\"document.title='owned'\">",
            "a & b &amp; &lt; &#0; \"q\" 'a' ]]> <!-- -->",
            "line\r\nbreak\rcarriage\ttab",
            "controls \0\u0001\u001b\u007f\u0080\u0085\u009f\ufffe\uffff end",
            "emoji \ud83d\ude00 nonchar \ufdd0 nbsp\u00a0 Söhne",
        ];
        var table = new SalesPipeline.Reporting.ReportTable(
            "hostile",
            [new SalesPipeline.Reporting.ReportColumn("text", SalesPipeline.Reporting.ColumnType.Text, texts[1])],
            texts.Select(t => (IReadOnlyList<object?>)[t])
        );
        var html = new HtmlReport(texts[0]).AddSection(texts[2], null, table).ToHtml();
        var path = Path.Combine(Path.GetTempPath(), $"salespipeline-html-hostile-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, html);
        try
        {
            string[] cells = [];
            string header = "";
            string[] tags = [];
            var report = await ChromiumPage.OpenAsync(
                path,
                "html-report-hostile-text" + Framework,
                async page =>
                {
                    cells = await page.EvaluateAsync<string[]>(
                        "() => Array.from(document.querySelectorAll('tbody td')).map(td => td.textContent)"
                    );
                    header = await page.EvaluateAsync<string>("() => document.querySelector('th').getAttribute('title')");
                    tags = await page.EvaluateAsync<string[]>(
                        "() => Array.from(new Set(Array.from(document.querySelectorAll('*')).map(e => e.localName)))"
                    );
                }
            );

            Assert.Empty(report.Problems());
            Assert.Equal(HostileText.ReadBack(texts[0]), report.Title);
            Assert.Equal(texts.Select(HostileText.ReadBack), cells);
            Assert.Equal(HostileText.ReadBack(texts[1]), header);
            Assert.DoesNotContain("script", tags);
            Assert.DoesNotContain("img", tags);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_strictest_accepted_chart_reads_in_Chromium_as_the_same_svg_tree_with_no_error()
    {
        // The chart at the edge of AddSection's allow-list (mixed-case names, text that reads like markup): Chromium's HTML
        // parser must build the tree the check read with XML (names lowercased, every element in the SVG namespace, viewBox
        // restored), keep the markup-like text as text, and run, fetch and log nothing.
        var xml = System.Xml.Linq.XElement.Parse(ChartCheckTests.EdgeChart);
        var path = Path.Combine(Path.GetTempPath(), $"salespipeline-html-edge-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, new HtmlReport("Edge").AddSection("Edge", ChartCheckTests.EdgeChart).ToHtml());
        try
        {
            string[] tree = [];
            string[] texts = [];
            var viewBox = "";
            var outside = -1;
            var report = await ChromiumPage.OpenAsync(
                path,
                "html-report-edge-chart" + Framework,
                async page =>
                {
                    tree = await page.EvaluateAsync<string[]>(
                        "() => Array.from(document.querySelectorAll('figure *')).map(e => e.namespaceURI + ' ' + e.localName + ' < ' + e.parentElement.localName)"
                    );
                    texts = await page.EvaluateAsync<string[]>(
                        "() => Array.from(document.querySelectorAll('figure title, figure desc, figure text')).map(e => e.textContent)"
                    );
                    viewBox = await page.EvaluateAsync<string>("() => document.querySelector('figure svg').getAttribute('viewBox')");
                    outside = await page.EvaluateAsync<int>(
                        "() => document.querySelectorAll('script, img, object, embed, iframe, meta[http-equiv], body > svg, body > rect').length"
                    );
                }
            );

            Assert.Empty(report.Problems());
            Assert.Equal(
                xml.DescendantsAndSelf().Select(e => $"http://www.w3.org/2000/svg {e.Name.LocalName.ToLowerInvariant()} < " + Parent(e)),
                tree
            );
            Assert.Equal(
                xml.DescendantsAndSelf()
                    .Where(e => e.Name.LocalName.ToLowerInvariant() is "title" or "desc" or "text")
                    .Select(e => e.Value),
                texts
            );
            Assert.Equal("0 0 300 120", viewBox);
            Assert.Equal(0, outside);
            var chart = Assert.Single(report.Charts);
            Assert.Equal((300, 120, 3), (chart.Width, chart.Height, chart.DrawnMarks));
        }
        finally
        {
            File.Delete(path);
        }

        static string Parent(System.Xml.Linq.XElement e) => e.Parent?.Name.LocalName.ToLowerInvariant() ?? "figure";
    }
}
