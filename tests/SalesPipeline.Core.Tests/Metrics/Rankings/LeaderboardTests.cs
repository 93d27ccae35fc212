using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class LeaderboardTests
{
    // carol 50,000 (1 win); alice and bob 30,000 (2 wins each); erin 30,000 (1 win); dave 10,000 (1 win).
    private static Deal[] Deals() =>
        [
            Won("C1", "carol", 50_000m, 3),
            Won("A1", "alice", 10_000m, 3),
            Won("A2", "alice", 20_000m, 4),
            Won("B1", "bob", 15_000m, 3),
            Won("B2", "bob", 15_000m, 4),
            Won("E1", "erin", 30_000m, 5),
            Won("D1", "dave", 10_000m, 5),
            Lost("D2", "dave", 10_000m, 6),
        ];

    [Fact]
    public void Of_WonAmount_UsesCompetitionRanksAndTheDocumentedTieBreak()
    {
        var board = Leaderboard.Of(Deals(), [], LeaderboardMeasure.WonAmount);

        // alice and bob tie on amount and on won count: rank 2 both, listed by id; erin ties on amount but has fewer
        // wins, so she is 4th; dave 5th.
        Assert.Equal(["carol", "alice", "bob", "erin", "dave"], board.Ranked.Select(e => e.Key));
        Assert.Equal([1, 2, 2, 4, 5], board.Ranked.Select(e => e.Rank!.Value));
        Assert.Equal(Money.Of(30_000m, Currency.USD), board.Ranked[1].WonAmount);
        Assert.Empty(board.Unranked);
    }

    [Fact]
    public void Of_WonCount_TiesBrokenByAmount()
    {
        var board = Leaderboard.Of(Deals(), [], LeaderboardMeasure.WonCount);

        // alice, bob: 2 wins (30,000 each: tied, rank 1); carol 1 (50,000); erin 1 (30,000); dave 1 (10,000).
        Assert.Equal(["alice", "bob", "carol", "erin", "dave"], board.Ranked.Select(e => e.Key));
        Assert.Equal([1, 1, 3, 4, 5], board.Ranked.Select(e => e.Rank!.Value));
    }

    [Fact]
    public void Text_ListsTheRanked_ThenThoseBelowTheMinimumSample()
    {
        // alice: won 10,000, lost one: 1/2 decided, ranked. bob: one loss, 1 decided deal < 2: below the minimum.
        Deal[] deals = [Won("A1", "alice", 10_000m, 3), Lost("A2", "alice", 5_000m, 4), Lost("B1", "bob", 7_000m, 4)];

        var board = Leaderboard.Of(deals, [], LeaderboardMeasure.WinRate, minimumSample: 2);
        var all = Leaderboard.Of(deals, [], LeaderboardMeasure.WinRate, minimumSample: 1);

        Assert.Equal(
            "Rep by WinRate\n"
                + "1. alice  won 1, USD 10,000.00, 1/2 won = 50.0%, 0 activities\n"
                + "below the minimum sample of 2:\n"
                + "- bob  won 0, USD 0.00, 0/1 won = 0.0%, 0 activities",
            board.ToString()
        );
        // Everyone ranked: no "below" section.
        Assert.Equal(
            "Rep by WinRate\n"
                + "1. alice  won 1, USD 10,000.00, 1/2 won = 50.0%, 0 activities\n"
                + "2. bob  won 0, USD 0.00, 0/1 won = 0.0%, 0 activities",
            all.ToString()
        );
    }

    [Fact]
    public void Of_WinRate_ListsSmallSamplesSeparately()
    {
        var board = Leaderboard.Of(Deals(), [], LeaderboardMeasure.WinRate, minimumSample: 2);

        // alice 2/2, bob 2/2 (tie: same rate, same sample), dave 1/2; carol and erin have 1 decided deal each.
        Assert.Equal(["alice", "bob", "dave"], board.Ranked.Select(e => e.Key));
        Assert.Equal([1, 1, 3], board.Ranked.Select(e => e.Rank!.Value));
        Assert.Equal(["carol", "erin"], board.Unranked.Select(e => e.Key));
        Assert.All(board.Unranked, e => Assert.Null(e.Rank));
    }

    [Fact]
    public void Of_ActivitiesByTeam_CountsActivitiesInTheWindowUpTheTeamPath()
    {
        Activity Call(string rep, int day) => Activity.ForDeal(ActivityKind.Call, Day(day), rep, new DealId("X"));
        Activity[] activities = [Call("alice", 1), Call("alice", 2), Call("bob", 3), Call("carol", 4), Call("nobody", 5), Call("bob", 40)];
        var options = new WinRateOptions { Organization = Org, End = new LocalDate(2026, 2, 1) };

        var board = Leaderboard.Of([], activities, LeaderboardMeasure.Activities, LeaderboardLevel.Team, options);

        // emea: alice 2 (via dach) + bob 1 = 3; dach 2; amer 1; (unassigned) 1; bob's day-40 call is outside.
        Assert.Equal(["emea", "dach", BreakdownKeys.Unassigned, "amer"], board.Ranked.Select(e => e.Key));
        Assert.Equal([3, 2, 1, 1], board.Ranked.Select(e => e.Activities));
        Assert.Equal([1, 2, 3, 3], board.Ranked.Select(e => e.Rank!.Value));
    }

    [Fact]
    public void Of_BadArguments_Throw()
    {
        var sample = Assert.Throws<ArgumentOutOfRangeException>(() => Leaderboard.Of([], [], LeaderboardMeasure.WinRate, minimumSample: 0));
        var measure = Assert.Throws<ArgumentOutOfRangeException>(() => Leaderboard.Of([], [], (LeaderboardMeasure)0));
        var team = Assert.Throws<ArgumentException>(() => Leaderboard.Of([], [], LeaderboardMeasure.WonCount, LeaderboardLevel.Team));
        var activity = Assert.Throws<ArgumentNullException>(() => Leaderboard.Of([], [null!], LeaderboardMeasure.WonCount));

        Assert.Equal("minimumSample", sample.ParamName);
        Assert.Contains("0", sample.Message, StringComparison.Ordinal);
        Assert.Equal("measure", measure.ParamName);
        Assert.Equal("options", team.ParamName);
        Assert.Equal("activities", activity.ParamName);
        Assert.Contains("Activity 0", activity.Message, StringComparison.Ordinal);
    }

    private static readonly LeaderboardMeasure[] Measures = Enum.GetValues<LeaderboardMeasure>();

    private static Activity[] ActivitiesOf(DealSpec[] specs) =>
        specs.Select(s => Activity.ForDeal(ActivityKind.Call, Day(s.CreatedDay), s.Owner, new DealId("G-" + s.Index))).ToArray();

    [Fact]
    public void Result_IsAPermutationOfEveryoneSeen_AndDeterministicUnderShuffles_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ShuffledSpecs,
                input =>
                {
                    var deals = input.Specs.Select(Build).ToArray();
                    var activities = ActivitiesOf(input.Specs);
                    var options = new WinRateOptions { Organization = Org };
                    return Measures.All(measure =>
                        Enum.GetValues<LeaderboardLevel>()
                            .All(level =>
                            {
                                var board = Leaderboard.Of(deals, activities, measure, level, options, minimumSample: 2);
                                var shuffled = Leaderboard.Of(
                                    Shuffle(deals, input.Seed),
                                    Shuffle(activities, input.Seed),
                                    measure,
                                    level,
                                    options,
                                    minimumSample: 2
                                );
                                var keys = board.Ranked.Concat(board.Unranked).Select(e => e.Key).Order(StringComparer.Ordinal);
                                var expected =
                                    level == LeaderboardLevel.Rep
                                        ? input
                                            .Specs.Where(s => s.Outcome != 0)
                                            .Select(s => s.Owner)
                                            .Concat(input.Specs.Select(s => s.Owner))
                                            .Distinct()
                                            .Order(StringComparer.Ordinal)
                                        : keys;
                                var ranks = board.Ranked.Select(e => e.Rank!.Value).ToArray();
                                return keys.SequenceEqual(expected)
                                    && board.Ranked.SequenceEqual(shuffled.Ranked)
                                    && board.Unranked.SequenceEqual(shuffled.Unranked)
                                    && ranks
                                        .Select((r, i) => r >= 1 && r <= i + 1 && (i == 0 ? r == 1 : r == ranks[i - 1] || r == i + 1))
                                        .All(x => x);
                            })
                    );
                }
            )
        );

    [Fact]
    public void Merge_OfSplit_EqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SplitSpecs,
                input =>
                {
                    var deals = input.Specs.Select(Build).ToArray();
                    var activities = ActivitiesOf(input.Specs);
                    var options = new WinRateOptions { Organization = Org, End = new LocalDate(2026, 5, 1) };
                    var whole = new LeaderboardAccumulator(LeaderboardLevel.Team, options);
                    whole.AddRange(deals);
                    whole.AddRange(activities);
                    var left = new LeaderboardAccumulator(LeaderboardLevel.Team, options);
                    left.AddRange(deals.Take(input.Cut));
                    left.AddRange(activities.Skip(input.Cut));
                    var right = new LeaderboardAccumulator(LeaderboardLevel.Team, options);
                    right.AddRange(deals.Skip(input.Cut));
                    right.AddRange(activities.Take(input.Cut));
                    left.Merge(right);
                    return Measures.All(m =>
                        whole.Result(m, 2).Ranked.SequenceEqual(left.Result(m, 2).Ranked)
                        && whole.Result(m, 2).Unranked.SequenceEqual(left.Result(m, 2).Unranked)
                    );
                }
            )
        );
}
