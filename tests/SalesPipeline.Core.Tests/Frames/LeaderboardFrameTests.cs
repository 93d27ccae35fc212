using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Frames.WinRateFrameDeals;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Frames;

// The frame kernel of the leaderboard against the oracle, Add on every deal: the same boards under every measure,
// the same exact state (rates, won counts and values with their scales), the same exception; and a refusal changes
// nothing.
public class LeaderboardFrameTests
{
    private static readonly LeaderboardMeasure[] Measures =
    [
        LeaderboardMeasure.WonAmount,
        LeaderboardMeasure.WonCount,
        LeaderboardMeasure.Activities,
        LeaderboardMeasure.WinRate,
    ];

    [Fact]
    public void TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        KernelOracle.Holds(
            from deals in DealsGen
            from options in OptionsGen
            from level in Gen.Elements(LeaderboardLevel.Rep, LeaderboardLevel.Team)
            from parts in Gen.Choose(1, 4)
            select (deals, options, level, parts),
            c => c.deals,
            c => new LeaderboardAccumulator(c.level, c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            Render,
            a => a.StateText()
        );
    }

    [Fact]
    public void EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions()
    {
        var cases =
            from deals in DealsGen
            from options in OptionsGen
            from level in Gen.Elements(LeaderboardLevel.Rep, LeaderboardLevel.Team)
            from measure in Gen.Elements(Measures)
            select (deals, options, level, measure);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = Outcome(() =>
                    {
                        var accumulator = new LeaderboardAccumulator(c.level, c.options);
                        accumulator.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                        return accumulator.Result(c.measure).ToString();
                    });
                    Assert.Equal(oracle, Outcome(() => Leaderboard.Of(c.deals, [], c.measure, c.level, c.options).ToString()));
                }
            )
        );
    }

    [Fact]
    public void UnderCreated_ADealWonInTheWindowCountsAsWonThoughCreatedBefore()
    {
        // Created on day 0 (before the window [day 5, day 30)), won on day 10: not in the cohort, but a win in the window.
        Deal[] deals = [Won("A", "alice", 100.00m, closedDay: 10), Won("B", "alice", 7m, closedDay: 12, createdDay: 6)];
        var options = new WinRateOptions
        {
            Definition = WinRateDefinition.Created,
            Start = Date(5),
            End = Date(30),
        };
        var accumulator = new LeaderboardAccumulator(LeaderboardLevel.Rep, options);

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals), parts: 2));

        Assert.Equal("alice: 1 0 0 7 0 0 2 107.00 0\nin USD", accumulator.StateText());
    }

    [Fact]
    public void ADealUnderNoTeam_StillFixesTheCurrency()
    {
        // zoe is at company level: her win counts in no team, but its amount was converted, so the board is in USD.
        Deal[] deals = [Won("A", "zoe", 5m, closedDay: 3)];
        var accumulator = new LeaderboardAccumulator(LeaderboardLevel.Team, new WinRateOptions { Organization = Org });

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals)));

        Assert.Equal("in USD", accumulator.StateText());
    }

    private static string Render(LeaderboardAccumulator accumulator) =>
        string.Join("\n", Measures.Select(m => accumulator.Result(m).ToString()));
}
