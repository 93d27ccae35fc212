#:project ../../src/SalesPipeline.Html/SalesPipeline.Html.csproj
// The HTML report of docs/html.md: a small pipeline's diagram, funnel, forecasts and March revenue distribution with a
// target, written as one self-contained page; then read back with an XML parser to check what the page promises.
using System.Xml.Linq;
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Html;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Reporting;

var pipeline = PipelineDefinition.Default;
var opened = Instant.FromUtc(2026, 1, 5, 9, 0);

// Opens a deal and walks it to a stage, answering each exit criterion on the way.
Deal To(string id, string owner, decimal amount, LocalDate close, string stage)
{
    var deal = Deal.Open(pipeline, new DealId(id), id, owner, Money.Of(amount, Currency.USD), close, opened);
    foreach (var criterion in pipeline.OpenStages.TakeWhile(s => s.Id != stage).SelectMany(s => s.ExitCriteria))
    {
        deal = pipeline.Answer(deal, criterion.Id, opened, owner);
    }
    foreach (var s in pipeline.OpenStages.Skip(1).TakeWhile(s => s.Index <= pipeline.GetStage(stage).Index))
    {
        deal = pipeline.Move(deal, s.Id, opened, owner);
    }
    return deal;
}

Deal[] deals =
[
    To("A", "alice", 100_000m, new LocalDate(2026, 3, 20), "proposal"),
    To("B", "bob", 40_000m, new LocalDate(2026, 3, 31), "negotiation"),
    pipeline.Win(To("C", "alice", 25_000m, new LocalDate(2026, 3, 15), "negotiation"), Instant.FromUtc(2026, 3, 10, 12, 0), "alice"),
    pipeline.Lose(
        To("D", "bob", 12_000m, new LocalDate(2026, 2, 28), "qualified"),
        LossReason.Price,
        Instant.FromUtc(2026, 2, 10, 12, 0),
        "bob"
    ),
];
var organization = SalesOrg.CreateBuilder("Acme").Team("east", "East").Rep("alice", "Alice", "east").Rep("bob", "Bob", "east").Build();
var months = FiscalCalendar.Calendar.Months(2026).Take(3).ToList();

var funnel = Funnel.Of(deals, pipeline);
var weighted = Forecast.StageWeighted(deals, pipeline, months);
var categories = Forecast.ByCategory(deals, pipeline, months, organization);
var march = Forecast.Distribution(deals, pipeline, months[2]);

var report = new HtmlReport("Pipeline review, Q1 2026")
    .AddSection("Pipeline", SvgCharts.Pipeline(pipeline))
    .AddSection("Funnel", SvgCharts.Funnel(funnel), funnel.ToTable())
    .AddSection("Forecast", SvgCharts.Forecast(weighted, categories), weighted.ToTable(), categories.ToTable())
    .AddSection("March revenue", SvgCharts.Distribution(march, target: Money.Of(100_000m, Currency.USD)), march.ToTable());
var path = Path.Combine(Path.GetTempPath(), "salespipeline-report.html");
File.WriteAllText(path, report.ToHtml());
Console.WriteLine($"wrote {path}: {new FileInfo(path).Length:N0} bytes, {report.SectionCount} sections");

// What the page promises: well-formed, a chart per section, no URL but the SVG namespace, the figures of docs/html.md.
var page = XDocument.Parse(report.ToHtml());
XNamespace svg = "http://www.w3.org/2000/svg";
Check(page.Descendants("section").Count() == 4 && page.Descendants(svg + "svg").Count() == 4, "four sections with a chart each");
Check(!page.Descendants().Any(e => e.Name.LocalName is "script" or "link" or "img"), "no script, link or image");
Check(report.ToHtml().Split("http").Length - 1 == 4, "no URL but the SVG namespace");

// March: P50 = 65,000 (25,000 won plus B's 40,000, 0.1 + 0.4 = 50% at most), so the P50 line is at x 246.29.
var p50 = page.Descendants(svg + "line").Single(l => l.Element(svg + "title")?.Value == "P50: 65,000.00 USD");
Check((string?)p50.Attribute("x1") == "246.29", "P50 line at x 246.29");
Check(
    page.Descendants(svg + "text").Any(t => t.Value.EndsWith("chance of reaching 100,000.00 USD: 50.0%")),
    "chance of reaching the target"
);
Console.WriteLine("# checked: 4 sections, self-contained, P50 65,000 at x 246.29, 50.0% chance of reaching 100,000");

static void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException("html.cs: " + what + " is not as docs/html.md says.");
    }
}
