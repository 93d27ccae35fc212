#:project ../../src/SalesPipeline.Csv/SalesPipeline.Csv.csproj
// Report tables as CSV (docs/export.md): a small pipeline's funnel and stage-weighted forecast written to standard
// output with ReportCsv, then read back to check the numbers the page shows.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Csv;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
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

var funnel = Funnel.Of(deals, pipeline).ToTable();
var months = FiscalCalendar.Calendar.Months(2026).Take(3).ToList();
var forecast = Forecast.StageWeighted(deals, pipeline, months).ToTable();

// "\n" rather than the default "\r\n" only so the console shows clean lines; files keep RFC 4180's CRLF.
var options = new CsvWriteOptions { NewLine = "\n" };
Console.WriteLine($"# {funnel}");
ReportCsv.Write(funnel, Console.Out, options);
Console.WriteLine($"# {forecast}");
ReportCsv.Write(forecast, Console.Out, options);

// The page's figures: Proposal was reached by A, B and C and is the stage A is still in with USD 100,000; March's
// expected revenue is 25,000 won + 100,000 x 50% + 40,000 x 80% = 107,000.
var text = new StringWriter();
ReportCsv.Write(funnel, text, options);
var proposal = text.ToString().Split('\n').Single(l => l.StartsWith(",,,,,4,2,proposal,", StringComparison.Ordinal));
Check(proposal.StartsWith(",,,,,4,2,proposal,Proposal,3,", StringComparison.Ordinal), "Proposal reached by 3 deals: " + proposal);
var march = months[2];
var row = Enumerable
    .Range(0, forecast.RowCount)
    .Single(r => (string)forecast[r, 0]! == "period" && (LocalDate?)forecast[r, 2] == march.Start);
Check((decimal)forecast[row, forecast.IndexOf("expected")]! == 107_000m, "March's expected revenue");
Console.WriteLine("# checked: Proposal reached by 3 deals; March expected USD 107,000");

static void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException("export.cs: " + what + " is not as docs/export.md says.");
    }
}
