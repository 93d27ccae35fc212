using System.IO;
using System.Threading.Tasks;
using SalesPipeline.Cli.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Samples;
using SalesPipeline.Targets;

namespace SalesPipeline.Cli.Tests;

// --owner and --team: the target, the coverage and attainment are the filtered person's or team's, never the company's;
// and a set of no deals is empty tables, not an error.
public class ScopeTests
{
    private static readonly SampleData Sample = SampleData.Create();

    private static async Task<ReportJson> JsonAsync(params string[] args)
    {
        var run = await Tool.RunAsync([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return ReportJson.Parse(run.Output);
    }

    [Fact]
    public async Task Health_of_one_owner_measures_coverage_against_that_owners_quota()
    {
        var report = await JsonAsync("health", "--owner", "ben");
        var q3 = Sample.Calendar.QuarterContaining(Sample.AsOf);
        var ben = Sample.Deals.Where(d => d.Owner == "ben").ToList();
        // By hand from the sample: ben's person quota for 2026-Q3 is 475,000 USD (the company's is 5.4M).
        var quota = Sample.Quotas.Single(q => q.Level == QuotaLevel.Person && q.SubjectId == "ben" && q.Period == q3);
        Assert.Equal(475_000m, quota.Target.Amount);
        // The coverage of the remaining target by ben's open deals expected in the quarter (none won in it yet: the
        // quarter starts on the as-of date), at ben's own count win rate won / (won + lost).
        var open = ben.Where(d => d.IsOpen && q3.Contains(d.ExpectedClose) && d.ExpectedClose >= Sample.AsOf).Sum(d => d.Amount.Amount);
        var won = ben.Count(d => d.Status == DealStatus.Won);
        var lost = ben.Count(d => d.Status == DealStatus.Lost);
        var coverage = Assert.Single(report.Table("pipeline_coverage"));
        Assert.Equal(475_000m, ReportJson.Money(coverage, "target"));
        Assert.Equal(open, ReportJson.Money(coverage, "open_pipeline"));
        Assert.Equal((double)(open / 475_000m), coverage.GetProperty("coverage").GetDouble(), 1e-12);
        Assert.Equal((won + lost) / (double)won, coverage.GetProperty("required_coverage").GetDouble(), 1e-12);
        // The low_coverage finding judges the same numbers.
        var finding = report.Row("health_findings", "kind", "low_coverage");
        Assert.Equal(coverage.GetProperty("coverage").GetDouble(), finding.GetProperty("measured").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task The_chance_of_one_owner_is_of_reaching_that_owners_quota()
    {
        var report = await JsonAsync("forecast", "--owner", "ben");
        var target = Assert.Single(report.Table("revenue_target"));
        Assert.Equal(475_000m, ReportJson.Money(target, "target"));
        // The second path: the library's distribution of ben's deals alone.
        var q3 = Sample.Calendar.QuarterContaining(Sample.AsOf);
        var options = new ForecastOptions
        {
            AsOf = Sample.AsOf,
            Zone = Sample.Zone,
            Organization = Sample.Organization,
        };
        var distribution = Forecast.Distribution(
            Sample.Deals.Where(d => d.Owner == "ben"),
            Sample.Pipeline,
            q3,
            new DistributionOptions { Forecast = options }
        );
        Assert.Equal(distribution.ProbabilityOfAtLeast(Money.Of(475_000m, Currency.USD)), target.GetProperty("chance").GetDouble());
    }

    [Fact]
    public async Task Attainment_of_an_owner_or_a_team_lists_only_their_quotas()
    {
        var ben = await JsonAsync("report", "--owner", "ben");
        var rows = ben.Table("attainment");
        Assert.Equal(Sample.Quotas.Count(q => q.Level == QuotaLevel.Person && q.SubjectId == "ben"), rows.Count);
        Assert.All(rows, r => Assert.Equal("ben", r.GetProperty("subject_id").GetString()));

        var team = Sample.Organization.Teams.First(t => Sample.Quotas.Any(q => q.Level == QuotaLevel.Team && q.SubjectId == t.Id));
        var members = Sample.Organization.MembersOf(team.Id).Select(p => p.Id).ToHashSet();
        var report = await JsonAsync("report", "--team", team.Id);
        var subjects = report.Table("attainment").Select(r => r.GetProperty("subject_id").GetString()!).ToHashSet();
        Assert.DoesNotContain(Sample.Organization.Company, subjects);
        Assert.Contains(team.Id, subjects);
        Assert.All(subjects, s => Assert.True(s == team.Id || members.Contains(s) || Sample.Organization.Teams.Any(t => t.Id == s), s));
        // The team's own quarter quota is the target.
        var q3 = Sample.Calendar.QuarterContaining(Sample.AsOf);
        var quota = Sample.Quotas.Single(q => q.Level == QuotaLevel.Team && q.SubjectId == team.Id && q.Period == q3);
        Assert.Equal(quota.Target.Amount, ReportJson.Money(Assert.Single(report.Table("revenue_target")), "target"));
    }

    [Fact]
    public async Task An_owner_without_a_quota_for_the_quarter_has_no_target_and_says_so()
    {
        // The canonical files: alice has a quota for 2026-Q1 only; as of 2026-04-15 the quarter is Q2.
        var run = await Tool.RunAsync(
            "forecast",
            "--deals",
            Tool.DataPath("Canonical", "deals.csv"),
            "--quotas",
            Tool.DataPath("Canonical", "quotas.csv"),
            "--as-of",
            "2026-04-15",
            "--owner",
            "alice"
        );
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No target: owner alice has no quota for 2026-Q2", run.Output);
    }

    [Fact]
    public async Task An_unknown_owner_is_refused_like_an_unknown_team()
    {
        var run = await Tool.RunAsync("report", "--owner", "nobody");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: --owner nobody: no such owner; the owners are ", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    public async Task A_deals_file_with_only_its_header_gives_empty_tables(string currency)
    {
        var path = Path.Combine(Tool.TempDirectory(), "deals.csv");
        await File.WriteAllTextAsync(
            path,
            "deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason\n"
        );
        var report = await JsonAsync("report", "--deals", path, "--currency", currency, "--as-of", "2026-03-15");
        Assert.Equal(currency, report.Root.GetProperty("currency").GetString());
        var total = report.Row("pipeline_by_stage", "scope", "total");
        Assert.Equal(0, total.GetProperty("deals").GetInt64());
        Assert.Equal(0m, ReportJson.Money(total, "amount", currency));
        Assert.Equal(0m, ReportJson.Money(report.Row("stage_weighted_forecast", "scope", "total"), "expected", currency));
        Assert.Empty(report.Table("health_findings"));
    }

    [Fact]
    public async Task A_store_seen_before_its_first_deal_gives_empty_tables()
    {
        var store = Path.Combine(Tool.TempDirectory(), "deals.db");
        var import = await Tool.RunAsync(
            "import",
            "--deals",
            Tool.DataPath("Canonical", "deals.csv"),
            "--history",
            Tool.DataPath("Canonical", "history.csv"),
            "--as-of",
            "2026-03-15",
            "--store",
            store
        );
        Assert.True(import.ExitCode == 0, import.ToString());
        // The first deal of the files was created on 2026-01-02.
        var run = await Tool.RunAsync("report", "--store", store, "--as-of", "2025-12-31");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("deals.db, 0 deals, as of 2025-12-31", run.Output);
    }
}
