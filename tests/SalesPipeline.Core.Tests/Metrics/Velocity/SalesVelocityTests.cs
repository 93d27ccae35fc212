using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Metrics;

using static CycleDeals;

public class SalesVelocityTests
{
    // Q1 2026: days 0 .. 89 after T0 (2026-01-01).
    private static readonly FiscalPeriod Q1 = new("2026 Q1", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));

    private static List<Deal> Quarter() =>
        [
            Open(Day(-30)),
            Open(Day(10)),
            Open(Day(80), owner: "bob"),
            Won(Day(50), Day(95)), // won in April: open at the end of Q1
            Won(Day(5), Day(25), 30_000m), // 20 days
            Won(Day(40), Day(80), 10_000m, owner: "bob"), // 40 days
            Lost(Day(1), Day(60)),
            Lost(Day(-50), Day(3), owner: "bob"),
            Won(Day(-40), Day(-5), 99_000m), // won before Q1: in no input
            Lost(Day(-40), Day(-1)), // lost before Q1: in no input
            Open(Day(91)), // created after Q1: in no input
        ];

    [Fact]
    public void Of_WorkedExample_ReportsEachInput()
    {
        // N = 4 (three open + the one won in April); A = (30,000 + 10,000) / 2 = 20,000; W = 2 / (2 + 2) = 0.5;
        // C = (20 + 40) / 2 = 30 days; V = 4 x 20,000 x 0.5 / 30 = 1,333.333... -> USD 1,333.33 per day.
        var v = SalesVelocity.Of(Quarter(), Q1);

        Assert.Equal(4, v.OpenDeals);
        Assert.Equal(2, v.WonDeals);
        Assert.Equal(2, v.LostDeals);
        Assert.Equal(Money.Of(40_000m, Currency.USD), v.WonAmount);
        Assert.Equal(Money.Of(20_000m, Currency.USD), v.AverageWonAmount);
        Assert.Equal(0.5m, v.WinRate);
        Assert.Equal(30m, v.AverageCycleDays);
        Assert.Equal(Money.Of(1_333.33m, Currency.USD), v.PerDay);
        Assert.Null(v.Reason);
        Assert.Null(v.Group);
        Assert.Contains("USD 1,333.33 per day", v.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void By_Owner_GroupsWithTheOneBreakdownRule()
    {
        // alice: N 3 (Day -30, Day 10, the April win), A 30,000, W 1/2 (won 1, lost 1), C 20: V = 3 x 30,000 x 0.5 / 20 = 2,250.
        // bob: N 1, A 10,000, W 1/2, C 40: V = 1 x 10,000 x 0.5 / 40 = 125.
        var groups = SalesVelocity.By(Quarter(), Q1, Breakdown.Owner);

        Assert.Equal(["alice", "bob"], groups.Select(g => g.Group));
        Assert.All(groups, g => Assert.Equal(Breakdown.Owner, g.Breakdown));
        Assert.Equal(Money.Of(2_250m, Currency.USD), groups[0].PerDay);
        Assert.Equal(Money.Of(125m, Currency.USD), groups[1].PerDay);
        Assert.Equal(3, groups[0].OpenDeals); // Day(-30), Day(10), the April win
    }

    [Fact]
    public void By_TeamAndProduct_UsesBreakdownKeys()
    {
        var org = SalesOrg.CreateBuilder("Acme").Team("emea", "EMEA").Rep("alice", "Alice", "emea").Build();
        var deals = new[] { Won(Day(0), Day(10), 100m, product: "CRM"), Won(Day(0), Day(20), 300m, owner: "zed") };

        var teams = SalesVelocity.By(deals, Q1, Breakdown.Team, new VelocityOptions { Organization = org });
        var products = SalesVelocity.By(deals, Q1, Breakdown.Product);

        Assert.Equal([BreakdownKeys.Unassigned, "emea"], teams.Select(g => g.Group));
        Assert.Equal(["(none)", "CRM"], products.Select(g => g.Group));
        Assert.Equal(Money.Of(100m, Currency.USD), products[1].AverageWonAmount);
        var noOrg = Assert.Throws<ArgumentException>(() => SalesVelocity.By(deals, Q1, Breakdown.Team));
        Assert.Equal("options", noOrg.ParamName);
    }

    [Fact]
    public void Of_Zone_DecidesTheWindowsEdges()
    {
        // Won at 2026-03-31T23:30Z: inside Q1 in UTC; in Berlin (UTC+2 then) it is 1 April, so the deal was still open
        // at the end of Q1 there.
        var deals = new[] { Won(Day(60), Instant.FromUtc(2026, 3, 31, 23, 30)), Won(Day(10), Day(20)) };
        var berlin = new VelocityOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] };

        var utc = SalesVelocity.Of(deals, Q1);
        var local = SalesVelocity.Of(deals, Q1, berlin);

        Assert.Equal((0, 2), (utc.OpenDeals, utc.WonDeals));
        Assert.Equal((1, 1), (local.OpenDeals, local.WonDeals));
    }

    [Fact]
    public void Of_OtherCurrency_ConvertsThroughTheRates()
    {
        // EUR 1,000 at 1.08 = USD 1,080; with USD 920: A = 2,000 / 2 = 1,000.
        var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
        var eur = Pipeline.Win(Open(Day(0), 1_000m, currency: Currency.EUR), Day(10), "alice");
        var deals = new[] { eur, Won(Day(0), Day(10), 920m) };

        var v = SalesVelocity.Of(deals, Q1, new VelocityOptions { Rates = rates });

        Assert.Equal(Money.Of(1_000m, Currency.USD), v.AverageWonAmount);
        Assert.Throws<MissingExchangeRateException>(() => SalesVelocity.Of([deals[1], eur], Q1));
    }

    [Fact]
    public void Of_NothingWon_VelocityNullWithReason()
    {
        var v = SalesVelocity.Of([Open(Day(0)), Lost(Day(0), Day(5))], Q1);

        Assert.Null(v.PerDay);
        Assert.Null(v.AverageWonAmount);
        Assert.Null(v.AverageCycleDays);
        Assert.Equal(0m, v.WinRate);
        Assert.Contains("No deal was won", v.Reason, StringComparison.Ordinal);
        Assert.Contains("velocity undefined", v.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ZeroCycle_VelocityNullWithReason()
    {
        var v = SalesVelocity.Of([Open(Day(0)), Won(Day(3), Day(3))], Q1);

        Assert.Null(v.PerDay);
        Assert.Equal(0m, v.AverageCycleDays);
        Assert.Contains("0 days", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NoOpenDeals_VelocityIsZero()
    {
        var v = SalesVelocity.Of([Won(Day(0), Day(10))], Q1);

        Assert.Equal(Money.Zero(Currency.USD), v.PerDay);
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => SalesVelocity.Of(null!, Q1)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentNullException>(() => SalesVelocity.Of([], null!)).ParamName);
        var empty = Assert.Throws<ArgumentException>(() => SalesVelocity.Of([], Q1));
        Assert.Equal("deals", empty.ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => SalesVelocity.Of([Open(Day(0)), null!], Q1));
        Assert.Contains("Deal 1", nullDeal.Message, StringComparison.Ordinal);
        var breakdown = Assert.Throws<ArgumentOutOfRangeException>(() => SalesVelocity.By([Open(Day(0))], Q1, (Breakdown)9));
        Assert.Equal("breakdown", breakdown.ParamName);
        Assert.Contains("9", breakdown.Message, StringComparison.Ordinal);
        Assert.Equal(
            "options",
            Assert.Throws<ArgumentException>(() => SalesVelocity.Of([Open(Day(0))], Q1, new VelocityOptions { Zone = null! })).ParamName
        );
        var otherCurrency = Assert.Throws<ArgumentException>(() =>
            new SalesVelocityAccumulator(Q1, Currency.EUR, new VelocityOptions { Rates = ExchangeRates.In(Currency.USD) })
        );
        Assert.Equal("reportingCurrency", otherCurrency.ParamName);
    }

    [Fact]
    public void Options_Rejections_SayTheRuleAndTheOption()
    {
        var zone = Assert.Throws<ArgumentException>(() =>
            new SalesVelocityAccumulator(Q1, Currency.USD, new VelocityOptions { Zone = null! })
        );
        var team = Assert.Throws<ArgumentException>(() => new SalesVelocityAccumulator(Q1, Currency.USD, breakdown: Breakdown.Team));

        Assert.Equal(("options", "options"), (zone.ParamName, team.ParamName));
        Assert.StartsWith("VelocityOptions.Zone must not be null; use DateTimeZone.Utc for UTC.", zone.Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "A breakdown by team needs the sales organisation; set VelocityOptions.Organization.",
            team.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Of_NoDealsWithRates_IsEmptyAndUndefined()
    {
        var v = SalesVelocity.Of([], Q1, new VelocityOptions { Rates = ExchangeRates.In(Currency.EUR) });

        Assert.Equal(Currency.EUR, v.Currency);
        Assert.Null(v.WinRate);
        Assert.Null(v.PerDay);
    }

    [Fact]
    public void Merge_DifferentWindow_Throws()
    {
        var a = new SalesVelocityAccumulator(Q1, Currency.USD);
        var b = new SalesVelocityAccumulator(
            FiscalPeriod.Of(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31))),
            Currency.USD
        );

        Assert.Equal("other", Assert.Throws<ArgumentException>(() => a.Merge(b)).ParamName);
    }

    internal static readonly Arbitrary<(int Created, int Status, int Hours, int Cents, int Owner)[]> DealSpecs = Gen.ListOf(
            from created in Gen.Choose(-30, 120)
            from status in Gen.Choose(0, 2)
            from hours in Gen.Choose(0, 24 * 60)
            from cents in Gen.Choose(1, 10_000_000)
            from owner in Gen.Choose(0, 3)
            select (created, status, hours, cents, owner)
        )
        .Select(list => list.ToArray())
        .ToArbitrary();

    internal static Deal Build((int Created, int Status, int Hours, int Cents, int Owner) spec)
    {
        var created = Day(spec.Created);
        var closed = created + Duration.FromHours(spec.Hours);
        var amount = spec.Cents / 100m;
        var owner = $"rep-{spec.Owner}";
        return spec.Status switch
        {
            0 => Open(created, amount, owner),
            1 => Won(created, closed, amount, owner),
            _ => Lost(created, closed, amount, owner),
        };
    }

    [Fact]
    public void Merge_OfSplit_EqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealSpecs,
                Arb.From(Gen.Choose(0, 100)),
                (specs, cut) =>
                {
                    var deals = specs.Select(Build).ToArray();
                    var at = deals.Length * cut / 100;
                    var left = new SalesVelocityAccumulator(Q1, Currency.USD, breakdown: Breakdown.Owner);
                    var right = new SalesVelocityAccumulator(Q1, Currency.USD, breakdown: Breakdown.Owner);
                    left.AddRange(deals.Take(at));
                    right.AddRange(deals.Skip(at));
                    right.Merge(left);
                    var whole = new SalesVelocityAccumulator(Q1, Currency.USD, breakdown: Breakdown.Owner);
                    whole.AddRange(deals);
                    return right.Result() == whole.Result() && right.ResultByGroup().SequenceEqual(whole.ResultByGroup());
                }
            )
        );

    [Fact]
    public void Of_Inputs_MatchABruteForceCount_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealSpecs,
                specs =>
                {
                    // Second method: count from the specs alone (Q1 is [day 0, day 90) in UTC).
                    var v = SalesVelocity.Of(
                        specs.Select(Build).ToArray(),
                        Q1,
                        new VelocityOptions { Rates = ExchangeRates.In(Currency.USD) }
                    );
                    var end = 90 * 24;
                    bool ClosedInQ1((int Created, int Status, int Hours, int Cents, int Owner) s) =>
                        s.Created * 24 + s.Hours >= 0 && s.Created * 24 + s.Hours < end;
                    var open = specs.Count(s => s.Created < 90 && (s.Status == 0 || s.Created * 24 + s.Hours >= end));
                    var won = specs.Where(s => s.Created < 90 && s.Status == 1 && ClosedInQ1(s)).ToArray();
                    var lost = specs.Count(s => s.Created < 90 && s.Status == 2 && ClosedInQ1(s));
                    return v.OpenDeals == open
                        && v.WonDeals == won.Length
                        && v.LostDeals == lost
                        && v.WonAmount.Amount == won.Sum(s => s.Cents / 100m)
                        // The divisions are done in another order, so the 28th digit may differ.
                        && (
                            won.Length == 0
                            || Math.Abs(v.AverageCycleDays!.Value - won.Sum(s => (decimal)s.Hours) / won.Length / 24m) < 1e-20m
                        );
                }
            )
        );
}
