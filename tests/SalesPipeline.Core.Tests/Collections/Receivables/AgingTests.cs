using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;

namespace SalesPipeline.Tests.Collections.Receivables;

public sealed class AgingTests
{
    // By hand (see ReceivablesFixtures): C-1 #2 2,500.00 in 31-60 and #3 3,500.00 in 1-30; C-2 1,000.00 current;
    // C-3 900.00 over 90; C-4 owes nothing billed. Buckets: current, 1-30, 31-60, 61-90, over 90.
    [Fact]
    public void Of_WorkedBook_BucketsByDaysOverdue()
    {
        var report = Aging.Of(Book(), AsOf, organization: Org);

        Assert.Equal(["current", "1-30", "31-60", "61-90", "over 90"], report.Buckets.Labels);
        Assert.Equal([1_000m, 3_500m, 2_500m, 0m, 900m], Amounts(report.Total));
        Assert.Equal(Usd(7_900m), report.Total.Total);

        Assert.Equal(["alice", "bob"], report.ByRep.Select(l => l.Key));
        Assert.Equal([0m, 3_500m, 2_500m, 0m, 900m], Amounts(report.ByRep[0]));
        Assert.Equal([1_000m, 0m, 0m, 0m, 0m], Amounts(report.ByRep[1]));

        Assert.Equal(["Globex", "Initech", "Umbrella"], report.ByCustomer.Select(l => l.Key));
        Assert.Equal(Usd(6_900m), report.ByCustomer[0].Total);
        Assert.Equal(Usd(0m), report.ByCustomer[2].Total);

        Assert.Equal(["east", "west"], report.ByTeam.Select(l => l.Key));
        Assert.Equal(Usd(6_900m), report.ByTeam[0].Total);
        Assert.Equal(Usd(1_000m), report.ByTeam[1].Total);
    }

    // Bounds 15, 45: 41 days -> 16-45, 10 days -> 1-15, 130 days -> over 45.
    [Fact]
    public void Of_CustomBuckets_UsesTheirBounds()
    {
        var report = Aging.Of(Book(), AsOf, AgingBuckets.Create(15, 45));

        Assert.Equal(["current", "1-15", "16-45", "over 45"], report.Buckets.Labels);
        Assert.Equal([1_000m, 3_500m, 2_500m, 900m], Amounts(report.Total));
        Assert.Empty(report.ByTeam);
    }

    // Day 30 is the last of 1-30 and day 31 the first of 31-60: C-3 (due 2025-12-01) read on 2025-12-31 and 2026-01-01.
    [Fact]
    public void Of_BucketEdges_DayThirtyAndThirtyOne()
    {
        Assert.Equal([0m, 900m, 0m, 0m, 0m], Amounts(Aging.Of([C3()], D("2025-12-31")).Total));
        Assert.Equal([0m, 0m, 900m, 0m, 0m], Amounts(Aging.Of([C3()], D("2026-01-01")).Total));
        Assert.Equal([900m, 0m, 0m, 0m, 0m], Amounts(Aging.Of([C3()], D("2025-12-01")).Total));
        Assert.Equal(Usd(0m), Aging.Of([C3()], D("2025-11-30")).Total.Total);
    }

    [Fact]
    public void Of_ScheduleWithoutContract_IsUnassignedNotDropped()
    {
        var schedule = CollectionSchedule.Create(Usd(500m), D("2026-04-01"), AllOnSigning());

        var report = Aging.Of([schedule], AsOf, organization: Org);

        Assert.Equal(SalesPipeline.Collections.Receivables.Unassigned, Assert.Single(report.ByRep).Key);
        Assert.Equal(SalesPipeline.Collections.Receivables.Unassigned, Assert.Single(report.ByCustomer).Key);
        Assert.Equal(SalesPipeline.Collections.Receivables.Unassigned, Assert.Single(report.ByTeam).Key);
        Assert.Equal([0m, 500m, 0m, 0m, 0m], Amounts(report.Total));
    }

    [Fact]
    public void Of_MixedCurrencies_Throws()
    {
        var yen = CollectionSchedule.Create(Jpy(5_000m), D("2026-04-01"), AllOnSigning());

        var ex = Assert.Throws<ArgumentException>(() => Aging.Of([C1(), yen], AsOf));

        Assert.Equal("schedules", ex.ParamName);
        Assert.Contains("JPY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_EmptyOrNull_Throws()
    {
        Assert.Equal("schedules", Assert.Throws<ArgumentException>(() => Aging.Of([], AsOf)).ParamName);
        Assert.Equal("schedules", Assert.Throws<ArgumentNullException>(() => Aging.Of(null!, AsOf)).ParamName);
        var ex = Assert.Throws<ArgumentNullException>(() => Aging.Of([C1(), null!], AsOf));
        Assert.Contains("1", ex.Message, StringComparison.Ordinal);
    }

    // Every set of lines adds up to the total, bucket by bucket, and the total is the schedules' outstanding amount.
    [Fact]
    public void Of_AnyPortfolio_BucketsAddUpToOutstanding_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ReceivablesGen.Portfolios.ToArbitrary(),
                p =>
                {
                    var report = Aging.Of(p.Schedules, p.AsOf, organization: ReceivablesGen.Org);
                    var currency = report.Currency;
                    var outstanding = Money.Sum(p.Schedules.Select(s => s.StatusAsOf(p.AsOf).Outstanding), currency);
                    bool AddsUp(IReadOnlyList<AgingLine> lines) =>
                        Enumerable
                            .Range(0, report.Buckets.Count)
                            .All(b => Money.Sum(lines.Select(l => l.Buckets[b]), currency) == report.Total.Buckets[b])
                        && lines.All(l => Money.Sum(l.Buckets, currency) == l.Total);
                    return Money.Sum(report.Total.Buckets, currency) == outstanding
                        && report.Total.Total == outstanding
                        && report.Total.Buckets.All(b => !b.IsNegative)
                        && AddsUp(report.ByRep)
                        && AddsUp(report.ByCustomer)
                        && AddsUp(report.ByTeam)
                        && AddsUp([report.Total]);
                }
            )
        );

    // Overdue buckets hold exactly the schedules' overdue amounts; "current" holds what is due on the day itself.
    [Fact]
    public void Of_AnyPortfolio_OverdueBucketsAreTheOverdueAmount_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ReceivablesGen.Portfolios.ToArbitrary(),
                p =>
                {
                    var report = Aging.Of(p.Schedules, p.AsOf);
                    var overdue = Money.Sum(p.Schedules.Select(s => s.StatusAsOf(p.AsOf).Overdue), report.Currency);
                    return Money.Sum(report.Total.Buckets.Skip(1), report.Currency) == overdue;
                }
            )
        );

    // The message names both schedules by position and contract id ("no contract id" when there is none).
    [Fact]
    public void Of_MixedCurrencies_MessageNamesBothSchedules()
    {
        var yen = CollectionSchedule.Create(Jpy(5_000m), D("2026-04-01"), AllOnSigning());
        const string Advice =
            " Report each currency separately, or convert the totals with ExchangeRates before creating the schedules. (Parameter 'schedules')";

        var idFirst = Assert.Throws<ArgumentException>(() => Aging.Of([C1(), yen], AsOf));
        var idSecond = Assert.Throws<ArgumentException>(() => Aging.Of([yen, C2()], AsOf));

        Assert.Equal(
            "All collection schedules must be in one currency: schedule 0 (C-1) is in USD, schedule 1 (no contract id) is in JPY." + Advice,
            idFirst.Message
        );
        Assert.Equal(
            "All collection schedules must be in one currency: schedule 0 (no contract id) is in JPY, schedule 1 (C-2) is in USD." + Advice,
            idSecond.Message
        );
    }

    [Fact]
    public void Of_EmptyOrNullSchedule_MessageSaysWhich()
    {
        Assert.Equal(
            "At least one collection schedule is needed (its currency is the report's); the list was empty. (Parameter 'schedules')",
            Assert.Throws<ArgumentException>(() => Aging.Of([], AsOf)).Message
        );
        Assert.Equal(
            "Collection schedule 1 is null. (Parameter 'schedules')",
            Assert.Throws<ArgumentNullException>(() => Aging.Of([C1(), null!], AsOf)).Message
        );
    }

    // The date is checked before the schedules, so a bad date is reported as such even with an empty list.
    [Fact]
    public void Of_UnsupportedAsOf_IsRefusedFirst() =>
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Aging.Of([], new NodaTime.LocalDate(0, 6, 1))).ParamName);
}
