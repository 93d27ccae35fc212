using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Consistency;

// Accumulators built from equal but separately constructed options merge; ones built differently are refused with an
// ArgumentException that names what differs. Each "equal" pair below is built twice from scratch, so no member is
// shared by reference.
public class MergeSetupTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 6, 30, 0, 0);

    private static ExchangeRates Rates(decimal eur = 1.08m) =>
        ExchangeRates.In(Currency.USD).With(Currency.EUR, eur).With(Currency.GBP, 1.27m);

    private static SalesOrg Org(string repName = "Alice") =>
        SalesOrg.CreateBuilder("Acme").Team("east", "East").Rep("alice", repName, "east").Rep("bob", "Bob", "east").Build();

    private static BusinessCalendar Calendar(int day = 25) => BusinessCalendar.Create(DateTimeZone.Utc, [new LocalDate(2026, 12, day)]);

    private static WinRateOptions WinRate() => new() { Rates = Rates(), Organization = Org() };

    [Fact]
    public void Leaderboard_EqualSeparateOptions_Merge_DifferentRates_Refused()
    {
        var left = new LeaderboardAccumulator(LeaderboardLevel.Team, WinRate());
        left.Merge(new LeaderboardAccumulator(LeaderboardLevel.Team, WinRate()));

        var other = new LeaderboardAccumulator(LeaderboardLevel.Team, WinRate() with { Rates = Rates(eur: 1.10m) });
        var error = Assert.Throws<ArgumentException>(() => left.Merge(other));
        Assert.Equal("other", error.ParamName);
        Assert.StartsWith("Only accumulators set up alike can be merged; these two differ in the options.", error.Message);
    }

    [Fact]
    public void Losses_OrganizationsDifferingInAName_Refused()
    {
        var left = new LossAccumulator(WinRate());
        left.Merge(new LossAccumulator(WinRate()));

        Assert.Throws<ArgumentException>(() => left.Merge(new LossAccumulator(WinRate() with { Organization = Org("Alicia") })));
    }

    [Fact]
    public void Funnel_BreakdownListsWithTheSameContent_Merge_OtherOrder_Refused()
    {
        var pipeline = PipelineDefinition.Default;
        FunnelOptions Options(params Breakdown[] breakdowns) =>
            new()
            {
                Breakdowns = breakdowns.ToList(),
                Organization = Org(),
                Rates = Rates(),
            };
        var left = new FunnelAccumulator(pipeline, Currency.USD, Options(Breakdown.Owner, Breakdown.Team));
        left.Merge(new FunnelAccumulator(pipeline, Currency.USD, Options(Breakdown.Owner, Breakdown.Team)));

        var other = new FunnelAccumulator(pipeline, Currency.USD, Options(Breakdown.Team, Breakdown.Owner));
        var error = Assert.Throws<ArgumentException>(() => left.Merge(other));
        Assert.Contains("differ in the options.", error.Message);
    }

    [Fact]
    public void Funnel_OptionsKeepACopyOfTheBreakdowns()
    {
        var breakdowns = new List<Breakdown> { Breakdown.Owner };
        var options = new FunnelOptions { Breakdowns = breakdowns };
        breakdowns.Add(Breakdown.Source);

        Assert.Equal([Breakdown.Owner], options.Breakdowns);
    }

    [Fact]
    public void TimeInStage_EqualCalendarsAndPercentiles_Merge_OtherHoliday_Refused()
    {
        var pipeline = PipelineDefinition.Default;
        TimeInStageOptions Options(int holiday) =>
            new()
            {
                BusinessDays = Calendar(holiday),
                Percentiles = new List<double> { 0.5, 0.9 },
            };
        var left = new TimeInStageAccumulator(pipeline, AsOf, Options(25));
        left.Merge(new TimeInStageAccumulator(pipeline, AsOf, Options(25)));

        var error = Assert.Throws<ArgumentException>(() => left.Merge(new TimeInStageAccumulator(pipeline, AsOf, Options(24))));
        Assert.Contains("differ in the options.", error.Message);
    }

    [Fact]
    public void Health_EqualPolicyAndInputs_Merge_OtherRottingLimit_Refused()
    {
        var pipeline = PipelineDefinition.Default;
        HealthPolicy Policy(int days) =>
            new()
            {
                RottingAfterByStage = new Dictionary<string, Duration>
                {
                    ["negotiation"] = Duration.FromDays(days),
                    ["proposal"] = Duration.FromDays(20),
                },
                LateStages = new List<string> { "proposal", "negotiation" },
            };
        var inputs = new HealthInputs { Rates = Rates() };
        var left = new PipelineHealthAccumulator(pipeline, AsOf, Policy(14), inputs);
        left.Merge(new PipelineHealthAccumulator(pipeline, AsOf, Policy(14), new HealthInputs { Rates = Rates() }));

        var error = Assert.Throws<ArgumentException>(() => left.Merge(new PipelineHealthAccumulator(pipeline, AsOf, Policy(15), inputs)));
        Assert.Contains("differ in the policy.", error.Message);
    }

    [Fact]
    public void StageWeighted_EqualRates_Merge_OtherPipelineInstance_RefusedNamingBoth()
    {
        var periods = new[] { FiscalCalendar.Calendar.Quarter(2026, 3) };
        ForecastOptions Options() => new() { Rates = Rates(), Organization = Org() };
        var left = new StageWeightedAccumulator(PipelineDefinition.Default, periods, Currency.USD, Options());
        left.Merge(new StageWeightedAccumulator(PipelineDefinition.Default, periods, Currency.USD, Options()));

        // A pipeline is compared by reference (documented): a second build of the same definition is another pipeline.
        var rebuilt = PipelineDefinition.CreateBuilder("Other").Stage("Only", 0.5m).Won("Won").Lost("Lost").Build();
        var other = new StageWeightedAccumulator(rebuilt, periods, Currency.USD, Options() with { Rates = Rates(eur: 1.2m) });
        var error = Assert.Throws<ArgumentException>(() => left.Merge(other));
        Assert.StartsWith("Only accumulators set up alike can be merged; these two differ in the pipeline and the options.", error.Message);
    }

    [Fact]
    public void Aging_EqualOrganizations_Merge()
    {
        var asOf = new LocalDate(2026, 6, 30);
        var left = new AgingAccumulator(Currency.USD, asOf, organization: Org());
        left.Merge(new AgingAccumulator(Currency.USD, asOf, organization: Org()));

        Assert.Throws<ArgumentException>(() => left.Merge(new AgingAccumulator(Currency.USD, asOf, organization: Org("Al"))));
    }

    [Fact]
    public void ExchangeRates_EqualByContent_InAnyOrderAndScale()
    {
        var a = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m).With(Currency.GBP, 1.27m);
        var b = ExchangeRates.In(Currency.USD).With(Currency.GBP, 1.270m).With(Currency.EUR, 1.08m);

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m));
        Assert.NotEqual(a, ExchangeRates.In(Currency.EUR).With(Currency.USD, 1m / 1.08m).With(Currency.GBP, 1.27m / 1.08m));
        Assert.True(a != null);
    }

    [Fact]
    public void BusinessCalendar_EqualByContent_HolidayOrderAndWeekendHolidaysDoNotMatter()
    {
        // 2026-12-26 is a Saturday: a holiday on a weekend day changes no count, so the calendars are equal.
        var a = BusinessCalendar.Create(DateTimeZone.Utc, [new LocalDate(2026, 12, 25), new LocalDate(2026, 1, 1)]);
        var b = BusinessCalendar.Create(
            DateTimeZone.Utc,
            [new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 26)]
        );

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, BusinessCalendar.Create(DateTimeZone.Utc, [new LocalDate(2026, 1, 1)]));
        Assert.NotEqual(
            a,
            BusinessCalendar.Create(
                DateTimeZone.Utc,
                [new LocalDate(2026, 12, 25), new LocalDate(2026, 1, 1)],
                [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]
            )
        );
    }

    [Fact]
    public void SalesOrg_EqualByContent()
    {
        Assert.Equal(Org(), Org());
        Assert.Equal(Org().GetHashCode(), Org().GetHashCode());
        Assert.NotEqual(Org(), Org("Alicia"));
        Assert.NotEqual(
            Org(),
            SalesOrg.CreateBuilder("Acme").Team("east", "East").Rep("bob", "Bob", "east").Rep("alice", "Alice", "east").Build()
        );
    }
}
