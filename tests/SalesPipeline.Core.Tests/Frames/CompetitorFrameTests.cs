using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Frames.WinRateFrameDeals;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Frames;

// The frame kernel of the competitor analysis against the oracle, Add on every deal: the same report (every line and
// figure), the same exact state (open and lost-to sums, the rates' cells, decimal scales included), the same
// exception; and a refusal changes nothing.
public class CompetitorFrameTests
{
    [Fact]
    public void TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        KernelOracle.Holds(
            from deals in DealsGen
            from options in OptionsGen
            from parts in Gen.Choose(1, 4)
            select (deals, options, parts),
            c => c.deals,
            c => new CompetitorAccumulator(c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            a => Render(a.Result()),
            a => a.StateText()
        );
    }

    [Fact]
    public void EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions()
    {
        var cases = from deals in DealsGen from options in OptionsGen select (deals, options);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = Outcome(() =>
                    {
                        var accumulator = new CompetitorAccumulator(c.options);
                        accumulator.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                        return Render(accumulator.Result());
                    });
                    Assert.Equal(oracle, Outcome(() => Render(CompetitorAnalysis.Of(c.deals, c.options))));
                }
            )
        );
    }

    [Fact]
    public void AnOpenDealInASecondCurrency_IsRefused_AsAddThrowsForIt()
    {
        // Under Decided the open EUR deal facing Globex is converted (its value is reported), beside a USD win.
        Deal[] deals = [Won("A", "alice", 10m, closedDay: 3), Open("B", "bob", 5m, competitors: ["Globex"], currency: Currency.EUR)];
        var accumulator = new CompetitorAccumulator();
        var before = accumulator.StateText();

        Assert.False(accumulator.TryAdd(DealFrame.Of(deals)));
        Assert.Equal(before, accumulator.StateText());
        Assert.Throws<MissingExchangeRateException>(() => CompetitorAnalysis.Of(deals));
    }

    [Fact]
    public void OpenAndLostTo_CountUnderTheirCompetitors()
    {
        // Open facing Globex and Initech: 100.00 under each; lost to Globex: 0.001 (it also faced Globex).
        Deal[] deals =
        [
            Open("A", "alice", 100.00m, competitors: ["Globex", "Initech"]),
            Lost("B", "bob", 0.001m, closedDay: 4, lostTo: "Globex"),
        ];
        var accumulator = new CompetitorAccumulator();

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals), parts: 2));

        var state = accumulator.StateText().Split('\n');
        Assert.Equal(["lost to Globex: 1 0.001", "open Globex: 1 100.00", "open Initech: 1 100.00"], state[..3]);
    }

    private static string Render(CompetitorReport report) =>
        string.Join(
            "\n",
            report
                .Lines.Select(l =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{l.Competitor} {WinRateFrameDeals.Render(l.Rate)} {l.OpenDeals} {l.OpenValue?.Amount} {l.LostTo} {l.LostToValue?.Amount} {l.LostToValue?.Currency.Code}"
                    )
                )
                .Append("without " + WinRateFrameDeals.Render(report.WithoutCompetitor))
                .Append("total " + WinRateFrameDeals.Render(report.Total))
                .Append(report.ToString())
        );
}
