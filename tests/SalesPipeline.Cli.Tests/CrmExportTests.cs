using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Csv;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Json;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Cli.Tests;

// The CRM sample exports of the CSV package's tests (tests/SalesPipeline.Csv.Tests/Samples, with their pipelines from
// its Support/Exports.cs, linked), read through --format with the pipelines given as JSON documents. Each sample has
// rejected rows on purpose: the tool prints every one of them (the same errors as the library called directly) and
// exits 1.
public class CrmExportTests
{
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
            PipelineFile(Exports.HubSpot),
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
        var result = DealCsv.ReadFiles(Exports.HubSpot, deals, null, Instant.FromUtc(2026, 3, 1, 5, 0), options);
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
            PipelineFile(Exports.Pipedrive),
            "--as-of",
            "2026-02-28"
        );
        Assert.True(run.ExitCode == 1, run.ToString());
        var result = DealCsv.ReadFiles(Exports.Pipedrive, deals, null, Exports.AsOf, new CsvReadOptions { Format = CsvFormat.Pipedrive });
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
        var rejected = DealCsv.ReadFiles(Exports.HubSpot, source, null, Exports.AsOf, options).Errors.Select(e => e.Line).ToHashSet();
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
            PipelineFile(Exports.HubSpot),
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

    [Fact]
    public async Task Salesforce_export_reads_in_its_culture_with_the_librarys_row_errors()
    {
        // The en_US org's reports (M/d/yyyy h:mm AM, 10,000.00): with --culture en-US only the sample's deliberate bad
        // rows are refused, exactly as the library called directly with the machine's en-US culture refuses them.
        var deals = Tool.SamplePath("Salesforce", "opportunities.csv");
        var history = Tool.SamplePath("Salesforce", "opportunity-history.csv");
        string[] args =
        [
            "report",
            "--deals",
            deals,
            "--history",
            history,
            "--format",
            "salesforce",
            "--pipeline",
            PipelineFile(Exports.Salesforce),
            "--zone",
            "America/Los_Angeles",
            "--as-of",
            "2026-02-28",
        ];
        var run = await Tool.RunAsync([.. args, "--culture", "en-US"]);
        Assert.True(run.ExitCode == 1, run.ToString());
        var options = new CsvReadOptions
        {
            Format = CsvFormat.Salesforce,
            Zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"],
            Culture = System.Globalization.CultureInfo.GetCultureInfo("en-US"),
        };
        // 2026-02-28 ends at 2026-03-01T08:00Z in Los Angeles (UTC-8).
        var result = DealCsv.ReadFiles(Exports.Salesforce, deals, history, Instant.FromUtc(2026, 3, 1, 8, 0), options);
        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain(result.Errors, e => e.Reason.Contains("ISO 8601", StringComparison.Ordinal));
        var lines = run.Error.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.Equal(result.Errors.Select(e => "  " + e), lines.Skip(1).Where(l => l.Length > 0));

        // Without it the same files are read in the invariant culture, and their dates are refused as not ISO 8601.
        var invariant = await Tool.RunAsync(args);
        Assert.True(invariant.ExitCode == 1, invariant.ToString());
        Assert.Contains("ISO 8601", invariant.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--culture", "xx-NOPE")]
    [InlineData("--delimiter", "ab")]
    [InlineData("--delimiter", "\"")]
    public async Task A_culture_or_delimiter_that_cannot_be_is_a_usage_error(string option, string value)
    {
        var run = await Tool.RunAsync("funnel", "--deals", Tool.DataPath("Canonical", "deals.csv"), option, value);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(option + " \"" + value + "\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caret_file_read_with_its_delimiter_reports_as_the_comma_file()
    {
        // The same two deals written with each delimiter; a name holding a comma is quoted in the comma file only. A caret
        // is not among the delimiters the reader detects (, ; tab |), so the file needs --delimiter.
        string[] comma =
        [
            "deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason",
            "D1,\"Acme, Inc\",eve,1000.50,USD,proposal,open,2026-01-05T09:00:00Z,2026-04-01,,",
            "D2,Globex,bob,2500,USD,won,won,2026-01-10T09:00:00Z,2026-03-01,2026-02-20T10:00:00Z,",
        ];
        string[] caret =
        [
            "deal_id^name^owner^amount^currency^stage^status^created_at^expected_close^closed_at^loss_reason",
            "D1^Acme, Inc^eve^1000.50^USD^proposal^open^2026-01-05T09:00:00Z^2026-04-01^^",
            "D2^Globex^bob^2500^USD^won^won^2026-01-10T09:00:00Z^2026-03-01^2026-02-20T10:00:00Z^",
        ];
        var commaFile = Path.Combine(Tool.TempDirectory(), "deals.csv");
        var caretFile = Path.Combine(Tool.TempDirectory(), "deals.csv");
        await File.WriteAllLinesAsync(commaFile, comma);
        await File.WriteAllLinesAsync(caretFile, caret);
        var byComma = await Tool.RunAsync("forecast", "--deals", commaFile, "--as-of", "2026-03-31", "--json");
        var byCaret = await Tool.RunAsync("forecast", "--deals", caretFile, "--delimiter", "^", "--as-of", "2026-03-31", "--json");
        Assert.True(byComma.ExitCode == 0, byComma.ToString());
        Assert.True(byCaret.ExitCode == 0, byCaret.ToString());
        Assert.Equal(byComma.Output, byCaret.Output);
        // By hand: D1 in Proposal (50%) expected in April: 1,000.50 x 0.5 = 500.25 weighted.
        var report = ReportJson.Parse(byCaret.Output);
        Assert.Equal(500.25m, ReportJson.Money(report.Row("stage_weighted_forecast", "label", "2026-04"), "weighted"));

        // Read without --delimiter, the caret file is one column: refused, not misread.
        var unsaid = await Tool.RunAsync("forecast", "--deals", caretFile, "--as-of", "2026-03-31");
        Assert.True(unsaid.ExitCode == 1, unsaid.ToString());
    }
}
