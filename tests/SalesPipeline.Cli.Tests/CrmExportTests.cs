using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Csv;
using SalesPipeline.Json;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Cli.Tests;

// The CRM sample exports of the CSV package's tests (tests/SalesPipeline.Csv.Tests/Samples), read through --format with
// their pipelines given as JSON documents. Each sample has rejected rows on purpose: the tool prints every one of them
// (the same errors as the library called directly) and exits 1.
public class CrmExportTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);

    private static readonly PipelineDefinition HubSpot = PipelineDefinition
        .CreateBuilder("Sales Pipeline")
        .Stage("Appointment Scheduled", 0.20m, ForecastCategory.Pipeline)
        .Stage("Qualified To Buy", 0.40m, ForecastCategory.Pipeline)
        .Stage("Presentation Scheduled", 0.60m, ForecastCategory.BestCase)
        .Stage("Decision Maker Bought-In", 0.80m, ForecastCategory.Commit)
        .Stage("Contract Sent", 0.90m, ForecastCategory.Commit)
        .Won("Closed Won")
        .Lost("Closed Lost")
        .Build();

    private static readonly PipelineDefinition Pipedrive = PipelineDefinition
        .CreateBuilder("Sales pipeline")
        .Stage("Qualified", 0.10m, ForecastCategory.Pipeline)
        .Stage("Contact Made", 0.20m, ForecastCategory.Pipeline)
        .Stage("Demo Scheduled", 0.40m, ForecastCategory.Pipeline)
        .Stage("Proposal Made", 0.60m, ForecastCategory.BestCase)
        .Stage("Negotiations Started", 0.80m, ForecastCategory.Commit)
        .Won("Won")
        .Lost("Lost")
        .Build();

    private static string PipelineFile(PipelineDefinition pipeline)
    {
        var path = Path.Combine(Tool.TempDirectory(), "pipeline.json");
        File.WriteAllText(path, JsonSerializer.Serialize(pipeline, SalesPipelineJson.Options));
        return path;
    }

    [Fact]
    public async Task HubSpot_export_prints_the_librarys_row_errors_and_exits_1()
    {
        var deals = Tool.SamplePath("HubSpot", "deals.csv");
        var run = await Tool.RunAsync(
            "report",
            "--deals",
            deals,
            "--format",
            "hubspot",
            "--pipeline",
            PipelineFile(HubSpot),
            "--zone",
            "America/New_York",
            "--currency",
            "USD",
            "--as-of",
            "2026-02-28"
        );
        Assert.True(run.ExitCode == 1, run.ToString());
        var options = new CsvReadOptions
        {
            Format = CsvFormat.HubSpot,
            Zone = DateTimeZoneProviders.Tzdb["America/New_York"],
            DefaultCurrency = Currency.USD,
        };
        // 2026-02-28 ends at 2026-03-01T05:00Z in New York.
        var result = DealCsv.ReadFiles(HubSpot, deals, null, Instant.FromUtc(2026, 3, 1, 5, 0), options);
        Assert.NotEmpty(result.Errors);
        var lines = run.Error.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.Equal(result.Errors.Select(e => "  " + e), lines.Skip(1).Where(l => l.Length > 0));
        Assert.Contains("error: deals: read 14, accepted 8, rejected 6", lines[0]);
    }

    [Fact]
    public async Task Pipedrive_export_prints_the_librarys_row_errors_and_exits_1()
    {
        var deals = Tool.SamplePath("Pipedrive", "deals.csv");
        var run = await Tool.RunAsync(
            "forecast",
            "--deals",
            deals,
            "--format",
            "pipedrive",
            "--pipeline",
            PipelineFile(Pipedrive),
            "--as-of",
            "2026-02-28"
        );
        Assert.True(run.ExitCode == 1, run.ToString());
        var result = DealCsv.ReadFiles(Pipedrive, deals, null, AsOf, new CsvReadOptions { Format = CsvFormat.Pipedrive });
        Assert.Equal(7, result.Errors.Count);
        foreach (var error in result.Errors)
        {
            Assert.Contains("  " + error, run.Error);
        }
    }

    [Fact]
    public async Task HubSpot_export_without_its_bad_rows_reports_the_walkthroughs_forecast()
    {
        // The sample's accepted rows only (the rows the library accepts, found by the library): the tool then reports
        // what docs/csv-hubspot.md's walkthrough checks: March weighted 25,000 x 0.9 + 60,000 x 0.6 + 150,000 x 0.8.
        var source = Tool.SamplePath("HubSpot", "deals.csv");
        var options = new CsvReadOptions
        {
            Format = CsvFormat.HubSpot,
            Zone = DateTimeZoneProviders.Tzdb["America/New_York"],
            DefaultCurrency = Currency.USD,
        };
        var rejected = DealCsv.ReadFiles(HubSpot, source, null, AsOf, options).Errors.Select(e => e.Line).ToHashSet();
        var kept = File.ReadAllLines(source).Where((_, i) => !rejected.Contains(i + 1));
        var path = Path.Combine(Tool.TempDirectory(), "deals.csv");
        await File.WriteAllLinesAsync(path, kept);
        var run = await Tool.RunAsync(
            "forecast",
            "--deals",
            path,
            "--format",
            "hubspot",
            "--pipeline",
            PipelineFile(HubSpot),
            "--zone",
            "America/New_York",
            "--currency",
            "USD",
            "--as-of",
            "2026-02-28",
            "--periods",
            "2",
            "--json"
        );
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = ReportJson.Parse(run.Output);
        Assert.Equal(178_500m, ReportJson.Money(report.Row("stage_weighted_forecast", "label", "2026-03"), "weighted"));
        Assert.Equal(50_000.50m, ReportJson.Money(report.Row("stage_weighted_forecast", "label", "2026-02"), "won"));
    }
}
