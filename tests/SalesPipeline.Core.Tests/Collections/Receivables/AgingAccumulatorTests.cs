using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;

namespace SalesPipeline.Tests.Collections.Receivables;

public sealed class AgingAccumulatorTests
{
    private static string Signature(AgingReport report) =>
        string.Join(
            " | ",
            new[] { report.Total }
                .Concat(report.ByCustomer)
                .Concat(report.ByRep)
                .Concat(report.ByTeam)
                .Select(l => l.Key + ":" + string.Join(",", l.Buckets.Select(b => b.Amount)) + "=" + l.Total.Amount)
        );

    // merge(split(data)) == compute(data), for any split point.
    [Fact]
    public void Merge_AnySplit_EqualsWholeReport_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (from p in ReceivablesGen.Portfolios from cut in Gen.Choose(0, 6) select (p, cut)).ToArbitrary(),
                c =>
                {
                    var (p, cut) = c;
                    var k = Math.Min(cut, p.Schedules.Count);
                    var currency = p.Schedules[0].Currency;
                    var left = new AgingAccumulator(currency, p.AsOf, null, ReceivablesGen.Org);
                    var right = new AgingAccumulator(currency, p.AsOf, null, ReceivablesGen.Org);
                    left.AddRange(p.Schedules.Take(k));
                    right.AddRange(p.Schedules.Skip(k));
                    left.Merge(right);
                    return Signature(left.Result()) == Signature(Aging.Of(p.Schedules, p.AsOf, organization: ReceivablesGen.Org));
                }
            )
        );

    [Fact]
    public void Merge_DifferentSetup_Throws()
    {
        var a = new AgingAccumulator(Currency.USD, AsOf);
        var ex = Assert.Throws<ArgumentException>(() => a.Merge(new AgingAccumulator(Currency.USD, AsOf, AgingBuckets.Create(15, 45))));
        Assert.Equal("other", ex.ParamName);
        Assert.Contains("1-15", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => a.Merge(new AgingAccumulator(Currency.USD, AsOf.PlusDays(1))));
    }

    [Fact]
    public void Add_OtherCurrency_ThrowsAndLeavesItUnchanged()
    {
        var a = new AgingAccumulator(Currency.JPY, AsOf);

        var ex = Assert.Throws<ArgumentException>(() => a.Add(C1()));

        Assert.Equal("schedule", ex.ParamName);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.True(a.Result().Total.Total.IsZero);
        Assert.Empty(a.Result().ByRep);
    }

    [Fact]
    public void AddRange_NullSchedule_ThrowsNamingItsIndex()
    {
        var a = new AgingAccumulator(Currency.USD, AsOf);

        var ex = Assert.Throws<ArgumentNullException>(() => a.AddRange([C1(), null!]));

        Assert.Equal("schedules", ex.ParamName);
        Assert.Contains("Collection schedule 1 is null", ex.Message, StringComparison.Ordinal);
    }

    // Deliberately unlike Breakdown.Team (every team on the path): a rep's amounts go to the rep's own team only, so
    // with alice in "north" under "east", C-3's 900.00 is in "north" and nowhere else, and the team lines add up to it.
    [Fact]
    public void Result_NestedTeams_CountsOwnTeamOnly()
    {
        var org = SalesPipeline
            .Organization.SalesOrg.CreateBuilder("Acme")
            .Team("east", "East")
            .Team("north", "North", "east")
            .Rep("alice", "Alice", "north")
            .Build();
        var a = new AgingAccumulator(Currency.USD, AsOf, null, org);

        a.Add(C3());

        var team = Assert.Single(a.Result().ByTeam);
        Assert.Equal(("north", 900m), (team.Key, team.Total.Amount));
    }

    [Fact]
    public void Result_Empty_IsAllZero() =>
        Assert.Equal(SalesPipeline.Money.Zero(Currency.USD), new AgingAccumulator(Currency.USD, AsOf).Result().Total.Total);

    [Fact]
    public void Add_OtherCurrency_MessageNamesTheContractOrSaysItHasNone()
    {
        var a = new AgingAccumulator(Currency.JPY, AsOf);

        var named = Assert.Throws<ArgumentException>(() => a.Add(C1()));
        var unnamed = Assert.Throws<ArgumentException>(() => a.Add(TenThousand()));

        Assert.Equal("The schedule C-1 is in USD; this aging is in JPY. (Parameter 'schedule')", named.Message);
        Assert.Equal("The schedule without contract id is in USD; this aging is in JPY. (Parameter 'schedule')", unnamed.Message);
    }

    [Fact]
    public void Merge_Null_Throws() =>
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => new AgingAccumulator(Currency.USD, AsOf).Merge(null!)).ParamName);

    [Fact]
    public void Result_TotalLine_IsKeyedTotal() => Assert.Equal("total", new AgingAccumulator(Currency.USD, AsOf).Result().Total.Key);

    // C-4's signing half is paid in full on the day (owes 0.00) and its milestone half is undated: C-4 adds no amount,
    // but its customer and rep still get a (zero) line.
    [Fact]
    public void Add_FullyPaidSchedule_ContributesNothingButItsLines()
    {
        var a = new AgingAccumulator(Currency.USD, AsOf);

        a.Add(C4());

        var report = a.Result();
        Assert.Equal([0m, 0m, 0m, 0m, 0m], Amounts(report.Total));
        Assert.Equal(("Umbrella", 0m), (Assert.Single(report.ByCustomer).Key, report.ByCustomer[0].Total.Amount));
    }
}
