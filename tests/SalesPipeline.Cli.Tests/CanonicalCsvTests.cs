using System.IO;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Csv;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Cli.Tests;

// Data/Canonical: six deals in the default pipeline (Prospecting 10%, Qualified 20%, Proposal 50%, Negotiation 80%),
// reported as of 2026-03-15 (UTC):
//   D1 alice 100,000 Proposal, closing 2026-03-20      D2 bob 40,000 Negotiation, closing 2026-03-31
//   D3 alice 25,000 won 2026-03-10                      D4 bob 12,000 lost 2026-02-10
//   D5 carol 8,000 Prospecting, closing 2026-04-30      D6 carol 30,000 Qualified, closing 2026-05-15
// and quotas.csv: the company 100,000 for 2026 Q1, alice 60,000, bob 40,000.
public class CanonicalCsvTests
{
    private static readonly string[] Input =
    [
        "--deals",
        Tool.DataPath("Canonical", "deals.csv"),
        "--history",
        Tool.DataPath("Canonical", "history.csv"),
        "--quotas",
        Tool.DataPath("Canonical", "quotas.csv"),
        "--as-of",
        "2026-03-15",
    ];

    private static async Task<ReportJson> ReportAsync(params string[] more)
    {
        var run = await Tool.RunAsync(["report", .. Input, "--json", .. more]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return ReportJson.Parse(run.Output);
    }

    [Fact]
    public async Task Pipeline_by_stage_is_worked_out_by_hand()
    {
        var report = await ReportAsync();
        // Open deals only: 8,000 x 0.1 = 800; 30,000 x 0.2 = 6,000; 100,000 x 0.5 = 50,000; 40,000 x 0.8 = 32,000.
        decimal[] weighted = [800m, 6_000m, 50_000m, 32_000m];
        var stages = report.Table("pipeline_by_stage").Where(r => r.GetProperty("scope").GetString() == "stage").ToList();
        Assert.Equal(["prospecting", "qualified", "proposal", "negotiation"], stages.Select(r => r.GetProperty("stage_id").GetString()));
        Assert.Equal(weighted, stages.Select(r => ReportJson.Money(r, "weighted")));
        Assert.All(stages, r => Assert.Equal(1, r.GetProperty("deals").GetInt64()));
        var total = report.Row("pipeline_by_stage", "scope", "total");
        Assert.Equal(4, total.GetProperty("deals").GetInt64());
        Assert.Equal(178_000m, ReportJson.Money(total, "amount"));
        Assert.Equal(88_800m, ReportJson.Money(total, "weighted"));
    }

    [Fact]
    public async Task Pipeline_by_stage_shows_the_stopped_deals_on_their_own_line()
    {
        // D1 100,000 open in Proposal (50%); S1 30,000 stopped in Negotiation: on the stopped line, not in the open
        // total, weighted nothing. Stage Proposal 1 deal, weighted 50,000; stopped 1 deal, 30,000; total 1 deal, 100,000.
        var folder = Directory.CreateTempSubdirectory("sp-stopped-").FullName;
        var deals = Path.Combine(folder, "deals.csv");
        await File.WriteAllTextAsync(
            deals,
            "deal_id,owner,amount,currency,stage,status,created_at,expected_close,stop_reason,stopped_at\n"
                + "D1,alice,100000,USD,proposal,open,2026-01-05T00:00:00Z,2026-03-20,,\n"
                + "S1,bob,30000,USD,negotiation,stopped,2026-01-05T00:00:00Z,2026-03-31,budget-frozen,2026-02-01T00:00:00Z\n"
        );
        try
        {
            var run = await Tool.RunAsync("forecast", "--deals", deals, "--as-of", "2026-03-15", "--json");
            Assert.True(run.ExitCode == 0, run.ToString());
            var report = ReportJson.Parse(run.Output);
            var stopped = report.Row("pipeline_by_stage", "scope", "stopped");
            Assert.Equal((1L, 30_000m), (stopped.GetProperty("deals").GetInt64(), ReportJson.Money(stopped, "amount")));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, stopped.GetProperty("weighted").ValueKind);
            var total = report.Row("pipeline_by_stage", "scope", "total");
            Assert.Equal(
                (1L, 100_000m, 50_000m),
                (total.GetProperty("deals").GetInt64(), ReportJson.Money(total, "amount"), ReportJson.Money(total, "weighted"))
            );
            Assert.Equal(0, report.Row("pipeline_by_stage", "stage_id", "negotiation").GetProperty("deals").GetInt64());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Stage_weighted_forecast_is_worked_out_by_hand()
    {
        var report = await ReportAsync();
        // March: D1 50,000 + D2 32,000 = 82,000 weighted, plus D3's 25,000 won = 107,000. April: D5 800. May: D6 6,000.
        var march = report.Row("stage_weighted_forecast", "label", "2026-03");
        Assert.Equal(82_000m, ReportJson.Money(march, "weighted"));
        Assert.Equal(25_000m, ReportJson.Money(march, "won"));
        Assert.Equal(107_000m, ReportJson.Money(march, "expected"));
        Assert.Equal(800m, ReportJson.Money(report.Row("stage_weighted_forecast", "label", "2026-04"), "weighted"));
        Assert.Equal(6_000m, ReportJson.Money(report.Row("stage_weighted_forecast", "label", "2026-05"), "weighted"));
        Assert.Equal(113_800m, ReportJson.Money(report.Row("stage_weighted_forecast", "scope", "total"), "expected"));
    }

    [Fact]
    public async Task Distribution_and_the_chance_of_the_quota_are_worked_out_by_hand()
    {
        var report = await ReportAsync();
        // Q1 revenue = 25,000 won + D1 (100,000 at 0.5) + D2 (40,000 at 0.8), independent:
        //   25,000 (0.5 x 0.2 = 0.1), 65,000 (0.5 x 0.8 = 0.4), 125,000 (0.1), 165,000 (0.4).
        // P10 = 25,000 (P(<= 25,000) = 0.1), P50 = 65,000 (0.5), P90 = 165,000 (1.0); mean 25,000 + 50,000 + 32,000.
        var summary = Assert.Single(report.Table("revenue_distribution_summary"));
        Assert.Equal(25_000m, ReportJson.Money(summary, "p10"));
        Assert.Equal(65_000m, ReportJson.Money(summary, "p50"));
        Assert.Equal(165_000m, ReportJson.Money(summary, "p90"));
        Assert.Equal(107_000m, ReportJson.Money(summary, "mean"));
        // The company's Q1 quota, 100,000: reached with 125,000 or 165,000, 0.1 + 0.4.
        var target = Assert.Single(report.Table("revenue_target"));
        Assert.Equal(100_000m, ReportJson.Money(target, "target"));
        Assert.Equal(0.5, target.GetProperty("chance").GetDouble(), 12);
    }

    [Fact]
    public async Task The_target_option_overrides_the_quota()
    {
        var report = await ReportAsync("--target", "60000");
        // Reached with 65,000, 125,000 or 165,000: 0.4 + 0.1 + 0.4.
        Assert.Equal(0.9, Assert.Single(report.Table("revenue_target")).GetProperty("chance").GetDouble(), 12);
    }

    [Fact]
    public async Task Win_rates_and_attainment_are_worked_out_by_hand()
    {
        var report = await ReportAsync();
        // Won / (won + lost): alice 1 / 1, bob 0 / 1, everyone 1 / 2.
        Assert.Equal(1m, report.Row("win_rates", "owner", "alice").GetProperty("count_rate").GetDecimal());
        Assert.Equal(0m, report.Row("win_rates", "owner", "bob").GetProperty("count_rate").GetDecimal());
        Assert.Equal(0.5m, report.Row("win_rates", "scope", "total").GetProperty("count_rate").GetDecimal());
        // alice won D3 (25,000) in Q1 against 60,000: 25,000 / 60,000.
        var alice = report.Row("attainment", "subject_id", "alice");
        Assert.Equal(25_000m, ReportJson.Money(alice, "won"));
        Assert.Equal(25_000m / 60_000m, alice.GetProperty("completion_rate").GetDecimal(), 20);
    }

    [Fact]
    public async Task Every_table_equals_the_library_called_directly()
    {
        var report = await ReportAsync();
        // The second path: the same files read with SalesPipeline.Csv and the reports of Core called here.
        var asOf = new LocalDate(2026, 3, 15);
        var deals = DealCsv
            .ReadFiles(
                PipelineDefinition.Default,
                Tool.DataPath("Canonical", "deals.csv"),
                Tool.DataPath("Canonical", "history.csv"),
                Instant.FromUtc(2026, 3, 16, 0, 0)
            )
            .GetDealsOrThrow();
        var months = FiscalCalendar.Calendar.Months(2026).Skip(2).Take(3).ToList();
        var forecast = Forecast.StageWeighted(deals, PipelineDefinition.Default, months, new ForecastOptions { AsOf = asOf });
        Assert.Equal(forecast.Total.Expected.Amount, ReportJson.Money(report.Row("stage_weighted_forecast", "scope", "total"), "expected"));
        for (var i = 0; i < months.Count; i++)
        {
            Assert.Equal(
                forecast[months[i]].Weighted.Amount,
                ReportJson.Money(report.Row("stage_weighted_forecast", "label", months[i].Label), "weighted")
            );
        }
        var funnel = Funnel.Of(deals, PipelineDefinition.Default);
        Assert.Equal(funnel.Stages.Select(s => (long)s.Reached), report.Table("funnel").Select(r => r.GetProperty("reached").GetInt64()));
        var cycle = SalesCycle.Of(deals, Instant.FromUtc(2026, 3, 16, 0, 0));
        Assert.Equal(cycle.MedianDays, Assert.Single(report.Table("sales_cycle")).GetProperty("median_days").GetDouble());
    }

    [Fact]
    public async Task The_console_shows_each_section_with_money_and_its_currency_together()
    {
        var run = await Tool.RunAsync(["report", .. Input]);
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (
            var title in new[]
            {
                "Pipeline by stage",
                "Forecast",
                "Revenue distribution",
                "Win rate",
                "Funnel",
                "Sales cycle",
                "Sales velocity",
                "Pipeline health",
                "Attainment",
                "Collections",
            }
        )
        {
            Assert.Contains("── " + title + " ", run.Output);
        }
        Assert.Contains("88,800.00 USD", run.Output);
        Assert.Contains("107,000.00 USD", run.Output);
        Assert.Contains("165,000.00 USD", run.Output);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData(
        "forecast",
        new[] { "pipeline_by_stage", "stage_weighted_forecast", "category_forecast", "revenue_distribution_summary", "revenue_target" }
    )]
    [InlineData("funnel", new[] { "win_rates", "funnel", "sales_cycle", "sales_velocity", "velocity_comparison" })]
    [InlineData("health", new[] { "health_summary", "health_findings", "review_shortlist", "pipeline_coverage" })]
    public async Task Each_command_writes_its_own_tables(string command, string[] tables)
    {
        var run = await Tool.RunAsync([command, .. Input, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(tables, ReportJson.Parse(run.Output).TableNames);
    }

    [Fact]
    public async Task Without_as_of_the_report_is_as_of_today_from_the_clock()
    {
        // Tool.Now is 2026-03-15T10:30Z: the same report as --as-of 2026-03-15.
        var run = await Tool.RunAsync("forecast", "--deals", Tool.DataPath("Canonical", "deals.csv"), "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = ReportJson.Parse(run.Output);
        Assert.Equal("2026-03-15", report.Root.GetProperty("as_of").GetString());
        Assert.Equal(107_000m, ReportJson.Money(report.Row("stage_weighted_forecast", "label", "2026-03"), "expected"));
    }

    [Fact]
    public async Task Owner_filter_keeps_that_owners_deals()
    {
        var run = await Tool.RunAsync(["forecast", .. Input, "--owner", "carol", "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        // carol: D5 800 + D6 6,000.
        Assert.Equal(6_800m, ReportJson.Money(ReportJson.Parse(run.Output).Row("pipeline_by_stage", "scope", "total"), "weighted"));
    }

    [Fact]
    public async Task Csv_output_writes_each_table_readable_by_CsvHelper()
    {
        var directory = Tool.TempDirectory();
        var run = await Tool.RunAsync(["report", .. Input, "--json", "--csv", directory]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = ReportJson.Parse(run.Output);
        Assert.Equal(report.TableNames.Order(), Directory.GetFiles(directory).Select(Path.GetFileNameWithoutExtension).Order());
        foreach (var name in report.TableNames)
        {
            var rows = report.Table(name);
            using var csv = global::CsvHelper.CsvReader.Create(
                File.OpenRead(Path.Combine(directory, name + ".csv")),
                new global::CsvHelper.CsvReaderOptions { HasHeader = true, TrimWhitespace = false },
                leaveOpen: false
            );
            var count = 0;
            while (csv.Read())
            {
                var json = rows[count++];
                var header = csv.Headers.ToList();
                Assert.Equal(json.EnumerateObject().Select(p => p.Name), header);
                for (var c = 0; c < header.Count; c++)
                {
                    var value = json.GetProperty(header[c]);
                    var cell = csv.GetString(c);
                    var expected = value.ValueKind switch
                    {
                        System.Text.Json.JsonValueKind.Null => "",
                        System.Text.Json.JsonValueKind.String => value.GetString(),
                        System.Text.Json.JsonValueKind.True => "true",
                        System.Text.Json.JsonValueKind.False => "false",
                        _ => value.GetRawText(),
                    };
                    if (value.ValueKind == System.Text.Json.JsonValueKind.Number && cell != expected)
                    {
                        // A double may print differently in the two writers (1E-07 and 1E-7): compare the numbers.
                        Assert.Equal(value.GetDouble(), double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Assert.Equal(expected, cell);
                    }
                }
            }
            Assert.Equal(rows.Count, count);
        }
    }
}
