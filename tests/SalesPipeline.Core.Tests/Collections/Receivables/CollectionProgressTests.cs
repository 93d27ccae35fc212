using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;

namespace SalesPipeline.Tests.Collections.Receivables;

public sealed class CollectionProgressTests
{
    // By hand on 2026-04-10 (ReceivablesFixtures):
    // C-1 due 10,000.00 (all three due), paid on due 4,000.00, collected 4,000.00, rate 0.4;
    // C-2 due 1,000.00, paid 0; C-3 due 900.00, paid 0; C-4 due 1,000.00 (the milestone half is not due), paid 1,000.00, rate 1.
    // alice = C-1 + C-3: due 10,900.00, paid 4,000.00; bob = C-2 + C-4: due 2,000.00, paid 1,000.00, rate 0.5.
    [Fact]
    public void Of_WorkedBook_DueVersusCollected()
    {
        var report = CollectionProgress.Of(Book(), AsOf, Org);

        Assert.Equal(["C-1", "C-2", "C-3", "C-4"], report.ByContract.Select(l => l.Key));
        var c1 = report.ByContract[0];
        Assert.Equal(
            (Usd(10_000m), Usd(4_000m), Usd(6_000m), Usd(4_000m), 0.4m),
            (c1.Due, c1.PaidOnDue, c1.Outstanding, c1.Collected, c1.Rate)
        );
        Assert.Equal(1m, report.ByContract[3].Rate);
        Assert.Equal(0m, report.ByContract[2].Rate);

        var alice = report.ByRep[0];
        Assert.Equal(("alice", Usd(10_900m), Usd(4_000m), 4_000m / 10_900m), (alice.Key, alice.Due, alice.Collected, alice.Rate));
        var bob = report.ByRep[1];
        Assert.Equal(("bob", Usd(2_000m), Usd(1_000m), 0.5m), (bob.Key, bob.Due, bob.Collected, bob.Rate));

        Assert.Equal((Usd(12_900m), Usd(5_000m), Usd(7_900m)), (report.Total.Due, report.Total.Collected, report.Total.Outstanding));
        Assert.Equal(["east", "west"], report.ByTeam.Select(l => l.Key));

        Assert.Equal([(1, "alice"), (2, "bob")], report.RepLeaderboard.Select(e => (e.Rank, e.Id)));
        Assert.Equal([(1, "east"), (2, "west")], report.TeamLeaderboard.Select(e => (e.Rank, e.Id)));
    }

    // d 500.00; b, c and e 300.00 each (e's is a prepayment of a contract not yet due: collected, nothing due, no rate);
    // a 100.00. Ties by id: b, c, e share rank 2; a is 5th (competition ranking 1, 2, 2, 2, 5).
    [Fact]
    public void RepLeaderboard_Ties_CompetitionRanksAndOrdinalOrder()
    {
        CollectionSchedule Paid(string owner, decimal amount, string signedOn = "2026-04-01") =>
            CollectionSchedule
                .Create(Usd(1_000m), D(signedOn), AllOnSigning(), new ContractInfo("K-" + owner, "cust", owner))
                .Record(Pay("P-" + owner, "2026-04-05", amount));

        var report = CollectionProgress.Of(
            [Paid("a", 100m), Paid("e", 300m, "2026-05-01"), Paid("c", 300m), Paid("d", 500m), Paid("b", 300m)],
            AsOf
        );

        Assert.Equal(
            [(1, "d", 500m), (2, "b", 300m), (2, "c", 300m), (2, "e", 300m), (5, "a", 100m)],
            report.RepLeaderboard.Select(e => (e.Rank, e.Id, e.Collected.Amount))
        );
        var e = report.ByRep.Single(l => l.Key == "e");
        Assert.Equal((Usd(0m), (decimal?)null), (e.Due, e.Rate));
        Assert.Empty(report.TeamLeaderboard);
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        Assert.Equal("schedules", Assert.Throws<ArgumentNullException>(() => CollectionProgress.Of(null!, AsOf)).ParamName);
        Assert.Equal("schedules", Assert.Throws<ArgumentException>(() => CollectionProgress.Of([], AsOf)).ParamName);
        var yen = CollectionSchedule.Create(Jpy(5_000m), D("2026-04-01"), AllOnSigning());
        Assert.Contains(
            "JPY",
            Assert.Throws<ArgumentException>(() => CollectionProgress.Of([C1(), yen], AsOf)).Message,
            StringComparison.Ordinal
        );
    }

    // Rep and team lines add up to the total; the total matches the schedules' own status; rates lie in [0, 1].
    [Fact]
    public void Of_AnyPortfolio_LinesAddUpToTotal_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ReceivablesGen.Portfolios.ToArbitrary(),
                p =>
                {
                    var report = CollectionProgress.Of(p.Schedules, p.AsOf, ReceivablesGen.Org);
                    var currency = report.Currency;
                    var statuses = p.Schedules.Select(s => s.StatusAsOf(p.AsOf)).ToArray();
                    bool AddsUp(IReadOnlyList<ProgressLine> lines) =>
                        Money.Sum(lines.Select(l => l.Due), currency) == report.Total.Due
                        && Money.Sum(lines.Select(l => l.PaidOnDue), currency) == report.Total.PaidOnDue
                        && Money.Sum(lines.Select(l => l.Collected), currency) == report.Total.Collected
                        && lines.All(l =>
                            l.Due - l.Outstanding == l.PaidOnDue && (l.Rate is null ? l.Due.IsZero : l.Rate is >= 0m and <= 1m)
                        );
                    var ranks = report.RepLeaderboard;
                    return Money.Sum(statuses.Select(s => s.Billed), currency) == report.Total.Due
                        && Money.Sum(statuses.Select(s => s.Collected), currency) == report.Total.Collected
                        && AddsUp(report.ByContract)
                        && AddsUp(report.ByRep)
                        && AddsUp(report.ByTeam)
                        && ranks.Count == report.ByRep.Count
                        && ranks
                            .Zip(ranks.Skip(1))
                            .All(x =>
                                x.First.Collected > x.Second.Collected
                                    ? x.Second.Rank == ranks.ToList().IndexOf(x.Second) + 1
                                    : x.First.Collected == x.Second.Collected
                                        && x.First.Rank == x.Second.Rank
                                        && string.CompareOrdinal(x.First.Id, x.Second.Id) < 0
                            );
                }
            )
        );

    // The date is checked before the schedules, so a bad date is reported as such even with an empty list.
    [Fact]
    public void Of_UnsupportedAsOf_IsRefusedFirst() =>
        Assert.Equal(
            "asOf",
            Assert.Throws<ArgumentOutOfRangeException>(() => CollectionProgress.Of([], new NodaTime.LocalDate(0, 6, 1))).ParamName
        );

    // The total line is keyed "total"; on 2026-04-10 C-2 is billed 1,000.00 that day and unpaid: due 1,000.00, paid 0.00.
    [Fact]
    public void Of_TotalLine_IsKeyedTotal()
    {
        var total = CollectionProgress.Of([C2()], AsOf).Total;

        Assert.Equal(("total", 1_000m, 0m), (total.Key, total.Due.Amount, total.PaidOnDue.Amount));
    }

    // The day before C-2 is signed nothing is due, so its rate is undefined: "n/a", not 0 %.
    [Fact]
    public void Of_NothingDue_RateIsShownAsNotApplicable()
    {
        var total = CollectionProgress.Of([C2()], AsOf.PlusDays(-1)).Total;

        Assert.Null(total.Rate);
        Assert.Equal("total due USD 0.00 paid USD 0.00 (n/a) collected USD 0.00", total.ToString());
    }

    // C-1 on 2026-04-10: all three instalments are due (10,000.00) and WIRE-1 paid 4,000.00 of them: 4,000 / 10,000 = 40.0 %.
    [Fact]
    public void Of_SomethingDue_RateIsShownInPercent()
    {
        var total = CollectionProgress.Of([C1()], AsOf).Total;

        Assert.Equal(0.4m, total.Rate);
        Assert.Equal("total due USD 10,000.00 paid USD 4,000.00 (40.0 %) collected USD 4,000.00", total.ToString());
    }
}
