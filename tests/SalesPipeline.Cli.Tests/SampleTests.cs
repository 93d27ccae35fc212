using System.Threading.Tasks;
using SalesPipeline.Activities;
using SalesPipeline.Cli.Reports;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Reporting;
using SalesPipeline.Samples;
using SalesPipeline.Targets;

namespace SalesPipeline.Cli.Tests;

// Every command on the embedded sample (no input), its figures checked against SampleData and Core's reports called here
// (the second path), and the fixed facts of the sample by hand.
public class SampleTests
{
    private static readonly SampleData Sample = SampleData.Create();

    private static async Task<ReportJson> JsonAsync(params string[] args)
    {
        var run = await Tool.RunAsync([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        return ReportJson.Parse(run.Output);
    }

    [Fact]
    public async Task The_report_is_of_the_sample_as_of_its_own_date()
    {
        var report = await JsonAsync("report");
        Assert.Equal("the embedded sample", report.Root.GetProperty("source").GetString());
        Assert.Equal("2026-07-01", report.Root.GetProperty("as_of").GetString());
        Assert.Equal(Sample.Zone.Id, report.Root.GetProperty("zone").GetString());
        Assert.Equal("USD", report.Root.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Pipeline_by_stage_adds_up_the_open_deals()
    {
        var report = await JsonAsync("forecast");
        var open = Sample.Deals.Where(d => d.IsOpen).ToList();
        var total = report.Row("pipeline_by_stage", "scope", "total");
        Assert.Equal(open.Count, total.GetProperty("deals").GetInt64());
        Assert.Equal(open.Sum(d => d.Amount.Amount), ReportJson.Money(total, "amount"));
        // The stopped deals on their own line (Core's table), outside the open total and unweighted.
        var stopped = Sample.Deals.Where(d => d.Status == SalesPipeline.Deals.DealStatus.Stopped).ToList();
        var stoppedRow = report.Row("pipeline_by_stage", "scope", "stopped");
        Assert.Equal(stopped.Count, stoppedRow.GetProperty("deals").GetInt64());
        Assert.Equal(stopped.Sum(d => d.Amount.Amount), ReportJson.Money(stoppedRow, "amount"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stoppedRow.GetProperty("weighted").ValueKind);
        foreach (var stage in Sample.Pipeline.OpenStages)
        {
            var row = report.Row("pipeline_by_stage", "stage_id", stage.Id);
            var inStage = open.Where(d => d.StageId == stage.Id).ToList();
            Assert.Equal(inStage.Count, row.GetProperty("deals").GetInt64());
            // Exact sum of amount x effective probability, rounded once to cents (away from zero at the half cent).
            var weighted = Math.Round(
                inStage.Sum(d => d.Amount.Amount * Sample.Pipeline.OpenStages.Single(s => s.Id == d.StageId).Probability),
                2,
                MidpointRounding.AwayFromZero
            );
            // The sample sets no probability override (checked here): the stage's probability is each deal's. The
            // override case is Pipeline_by_stage_weighs_a_deal_by_its_probability_override.
            Assert.All(inStage, d => Assert.Null(d.ProbabilityOverride));
            Assert.Equal(weighted, ReportJson.Money(row, "weighted"));
        }
    }

    private static async Task<ReportJson> DealsJsonAsync(string rows)
    {
        var path = System.IO.Path.Combine(Tool.TempDirectory(), "deals.csv");
        await System.IO.File.WriteAllTextAsync(
            path,
            "deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason,probability\n" + rows
        );
        return await JsonAsync("forecast", "--deals", path, "--as-of", "2026-03-15");
    }

    [Fact]
    public async Task Pipeline_by_stage_weighs_a_deal_by_its_probability_override()
    {
        // Two proposal deals (stage probability 0.5): 10,000 with an override of 0.9, 4,000 without.
        var report = await DealsJsonAsync(
            "D1,A,alice,10000,USD,proposal,open,2026-01-05T09:00:00Z,2026-04-30,,,0.9\n"
                + "D2,B,alice,4000,USD,proposal,open,2026-01-05T09:00:00Z,2026-04-30,,,\n"
        );
        var row = report.Row("pipeline_by_stage", "stage_id", "proposal");
        // By hand: 10,000 x 0.9 + 4,000 x 0.5 = 9,000 + 2,000 = 11,000 (the stage's 0.5 alone would give 7,000).
        Assert.Equal(11_000m, ReportJson.Money(row, "weighted"));
        Assert.Equal(14_000m, ReportJson.Money(row, "amount"));
        Assert.Equal(0.5m, row.GetProperty("probability").GetDecimal());
    }

    [Fact]
    public async Task Pipeline_by_stage_rounds_the_weighted_total_once()
    {
        // Three proposal deals of 0.01 USD at 0.5: each weighs half a cent. By hand: summed exactly 0.015, rounded once
        // (away from zero) 0.02; rounding each first would give 3 x 0.01 = 0.03.
        var report = await DealsJsonAsync(
            "D1,A,alice,0.01,USD,proposal,open,2026-01-05T09:00:00Z,2026-04-30,,,\n"
                + "D2,B,alice,0.01,USD,proposal,open,2026-01-05T09:00:00Z,2026-04-30,,,\n"
                + "D3,C,alice,0.01,USD,proposal,open,2026-01-05T09:00:00Z,2026-04-30,,,\n"
        );
        Assert.Equal(0.02m, ReportJson.Money(report.Row("pipeline_by_stage", "stage_id", "proposal"), "weighted"));
        Assert.Equal(0.02m, ReportJson.Money(report.Row("pipeline_by_stage", "scope", "total"), "weighted"));
    }

    [Fact]
    public async Task Forecasts_and_distribution_equal_the_library_called_directly()
    {
        var report = await JsonAsync("forecast");
        var months = ReportBuilder.Months(Sample.Calendar, Sample.AsOf, 3);
        var options = new ForecastOptions
        {
            AsOf = Sample.AsOf,
            Zone = Sample.Zone,
            Organization = Sample.Organization,
        };
        var weighted = Forecast.StageWeighted(Sample.Deals, Sample.Pipeline, months, options);
        foreach (var month in months)
        {
            var row = report.Row("stage_weighted_forecast", "label", month.Label);
            Assert.Equal(weighted[month].Weighted.Amount, ReportJson.Money(row, "weighted"));
            Assert.Equal(weighted[month].Expected.Amount, ReportJson.Money(row, "expected"));
        }
        report.AssertSameAs(weighted.ToTable());
        report.AssertSameAs(Forecast.ByCategory(Sample.Deals, Sample.Pipeline, months, Sample.Organization, options: options).ToTable());
        var quarter = Sample.Calendar.QuarterContaining(Sample.AsOf);
        var distribution = Forecast.Distribution(Sample.Deals, Sample.Pipeline, quarter, new DistributionOptions { Forecast = options });
        report.AssertSameAs(distribution.ToSummaryTable());
        var summary = Assert.Single(report.Table("revenue_distribution_summary"));
        Assert.Equal(distribution.P10.Amount, ReportJson.Money(summary, "p10"));
        Assert.Equal(distribution.P50.Amount, ReportJson.Money(summary, "p50"));
        Assert.Equal(distribution.P90.Amount, ReportJson.Money(summary, "p90"));
        // The target is the company's quota for the quarter (the sample has one), and its chance the library's.
        var quota = Sample.Quotas.Single(q =>
            q.Level == QuotaLevel.Company && q.Period.Start == quarter.Start && q.Period.End == quarter.End
        );
        var target = Assert.Single(report.Table("revenue_target"));
        Assert.Equal(quota.Target.Amount, ReportJson.Money(target, "target"));
        Assert.Equal(distribution.ProbabilityOfAtLeast(quota.Target), target.GetProperty("chance").GetDouble());
        Assert.InRange(target.GetProperty("chance").GetDouble(), 0.0, 1.0);
        // By hand, on the report's own table: P10 <= P50 <= P90 and the mean between P10 and P90.
        var (p10, p50, p90) = (ReportJson.Money(summary, "p10"), ReportJson.Money(summary, "p50"), ReportJson.Money(summary, "p90"));
        var mean = ReportJson.Money(summary, "mean");
        Assert.True(p10 <= p50 && p50 <= p90, $"{p10} {p50} {p90}");
        Assert.InRange(mean, p10, p90);
    }

    [Fact]
    public async Task Funnel_win_rates_cycle_and_velocity_equal_the_library_called_directly()
    {
        var report = await JsonAsync("funnel");
        var total = WinRate.Of(Sample.Deals);
        var row = report.Row("win_rates", "scope", "total");
        Assert.Equal(total.Won, row.GetProperty("won").GetInt64());
        Assert.Equal(total.Lost, row.GetProperty("lost").GetInt64());
        Assert.Equal(total.CountRate, row.GetProperty("count_rate").GetDecimal());
        // By hand: the owners' lines add up to the total.
        var lines = report.Table("win_rates").Where(r => r.GetProperty("scope").GetString() == "line").ToList();
        Assert.Equal(total.Won, lines.Sum(r => r.GetProperty("won").GetInt64()));
        Assert.Equal(Sample.Deals.Select(d => d.Owner).Distinct().Count(), lines.Count);

        var funnel = Funnel.Of(Sample.Deals, Sample.Leads, Sample.Pipeline);
        Assert.Equal(funnel.Stages.Select(s => (long)s.Reached), report.Table("funnel").Select(r => r.GetProperty("reached").GetInt64()));
        report.AssertSameAs(funnel.ToTable());
        report.AssertSameAs(WinRate.By(Sample.Deals, Breakdown.Owner).ToTable("owner"));
        var cycle = SalesCycle.Of(Sample.Deals, Sample.AsOfInstant);
        report.AssertSameAs(cycle.ToTable());
        Assert.Equal(cycle.MedianDays, Assert.Single(report.Table("sales_cycle")).GetProperty("median_days").GetDouble());
        // Velocity: Q1 2026 against Q2 2026, the last two complete quarters before 1 July 2026.
        var velocity = report.Table("sales_velocity");
        Assert.Equal(["2026-Q1", "2026-Q2"], velocity.Select(r => r.GetProperty("period_label").GetString()));
        var options = new VelocityOptions { Zone = Sample.Zone, Organization = Sample.Organization };
        var q2 = SalesVelocity.Of(Sample.Deals, Sample.Calendar.Quarter(2026, 2), options);
        Assert.Equal(q2.PerDay!.Amount, ReportJson.Money(velocity[1], "per_day"));
    }

    [Fact]
    public async Task Health_shows_the_samples_warning_signs()
    {
        var report = await JsonAsync("health");
        var health = PipelineHealth.Inspect(
            Sample.Deals,
            Sample.Pipeline,
            Sample.AsOfInstant,
            Sample.HealthPolicy,
            new HealthInputs
            {
                Activities = ActivityIndex.Create(Sample.Activities),
                Leads = Sample.Leads,
                Coverage = new CoverageGoal(
                    Sample.Calendar.QuarterContaining(Sample.AsOf),
                    Sample.Quotas.Single(q => q.Level == QuotaLevel.Company && q.Period.Contains(Sample.AsOf)).Target,
                    WinRate.Of(Sample.Deals).CountRate!.Value
                ),
            }
        );
        report.AssertSameAs(health.ToTable());
        report.AssertSameAs(health.ToSummaryTable());
        report.AssertSameAs(health.Shortlist.ToTable());
        Assert.Equal(health.Shortlist.ToTable().RowCount, report.Table("review_shortlist").Count);
        // The warning signs are all there: a stale deal, a pushed close date, a crowded stage, low coverage.
        var kinds = report.Table("health_findings").Select(r => r.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "stale", "close_date_pushed", "crowded_stage", "low_coverage" }, kinds);
        Assert.False(Assert.Single(report.Table("pipeline_coverage")).GetProperty("is_enough").GetBoolean());
    }

    [Fact]
    public async Task Collections_equal_the_library_called_directly()
    {
        var report = await JsonAsync("collections");
        var aging = Aging.Of(Sample.Contracts, Sample.AsOf, organization: Sample.Organization);
        report.AssertSameAs(aging.ToTable());
        var months = ReportBuilder.Months(Sample.Calendar, Sample.AsOf, 3);
        report.AssertSameAs(CashForecast.Of(Sample.Contracts, Sample.AsOf, months).ToTable());
        // By hand, across the two reports: what the cash forecast counts as overdue is what aging puts past due (every
        // bucket but "current").
        var agingTotal = report.Table("receivables_aging").Where(r => r.GetProperty("scope").GetString() == "total").ToList();
        var pastDue = agingTotal
            .Where(r =>
                r.GetProperty("bucket").ValueKind == System.Text.Json.JsonValueKind.String
                && r.GetProperty("bucket").GetString() != "current"
            )
            .Sum(r => ReportJson.Money(r, "outstanding"));
        Assert.Equal(pastDue, ReportJson.Money(report.Row("cash_forecast", "scope", "overdue"), "scheduled"));
        Assert.True(pastDue > 0m);
    }

    [Fact]
    public async Task Attainment_covers_every_quota()
    {
        var report = await JsonAsync("report");
        Assert.Equal(Sample.Quotas.Count, report.Table("attainment").Count);
    }

    [Fact]
    public async Task The_sample_is_one_fixed_picture()
    {
        var run = await Tool.RunAsync("report", "--as-of", "2026-06-01");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("the embedded sample is seen on 2026-07-01 only", run.Error);
    }

    [Fact]
    public async Task The_team_filter_keeps_the_teams_deals()
    {
        var team = Sample.Organization.Teams[0];
        var members = Sample.Organization.MembersOf(team.Id).Select(p => p.Id).ToHashSet();
        var report = await JsonAsync("forecast", "--team", team.Id);
        var open = Sample.Deals.Where(d => d.IsOpen && members.Contains(d.Owner!)).ToList();
        Assert.Equal(open.Count, report.Row("pipeline_by_stage", "scope", "total").GetProperty("deals").GetInt64());
    }
}
