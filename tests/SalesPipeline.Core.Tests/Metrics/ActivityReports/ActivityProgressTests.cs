using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class ActivityProgressTests
{
    private static Activity On(Deal deal, ActivityKind kind, int day, string rep = "alice", ActivityOutcome? outcome = null) =>
        Activity.ForDeal(kind, Day(day), rep, deal.Id, outcome);

    [Fact]
    public void Of_WorkedExample_ProgressWithinFourteenDays()
    {
        // D1 moves forward on day 10 (prospecting -> qualified) and is won on day 30.
        var d1 = Pipeline.Move(Open("D1", "alice", 1m), "qualified", Day(10), "alice");
        d1 = Pipeline.Win(d1, Day(30), "alice");
        // D2 moves backward only.
        var d2 = Pipeline.Move(Open("D2", "bob", 1m, stage: 2), "prospecting", Day(5), "bob");
        Activity[] activities =
        [
            On(d1, ActivityKind.Demo, 0), // day 0 -> move on day 10: progressed
            On(d1, ActivityKind.Meeting, 12), // day 12 -> win on day 30 is 18 days later: not
            On(d1, ActivityKind.Meeting, 20), // day 20 -> win on day 30: progressed
            On(d1, ActivityKind.Meeting, 21, outcome: ActivityOutcome.NoShow), // excluded
            On(d1, ActivityKind.Call, 1), // not a judged kind
            On(d2, ActivityKind.Meeting, 1, "bob"), // only a backward move follows: not
            Activity.ForDeal(ActivityKind.Demo, Day(3), "bob", new DealId("elsewhere")), // unmatched
            Activity.ForLead(ActivityKind.Demo, Day(3), "bob", new SalesPipeline.LeadId("L-1")), // about a lead
        ];

        var report = ActivityProgress.Of([d1, d2], activities);

        Assert.Equal((4, 2, 0), (report.Total.Activities, report.Total.Progressed, report.Total.Pending));
        Assert.Equal(0.5m, report.Total.Rate);
        Assert.Equal(2m / 3m, report.ByRep.Single(p => p.Key == "alice").Value.Rate);
        Assert.Equal(0m, report.ByRep.Single(p => p.Key == "bob").Value.Rate);
        Assert.Equal([ActivityKind.Meeting, ActivityKind.Demo], report.ByKind.Select(p => p.Key));
        Assert.Equal(1, report.UnmatchedActivities);
    }

    [Fact]
    public void Of_AsOf_LeavesUnfinishedWindowsPending()
    {
        var deal = Pipeline.Move(Open("D1", "alice", 1m), "qualified", Day(10), "alice");
        Activity[] activities = [On(deal, ActivityKind.Demo, 0), On(deal, ActivityKind.Demo, 8), On(deal, ActivityKind.Demo, 1)];

        // As of day 9: the move on day 10 is not seen. Demo day 0 (window to day 14) and day 8: pending; demo day 1 too.
        var early = ActivityProgress.Of([deal], activities, new ActivityProgressOptions { AsOf = Day(9) });
        // As of day 15 (midday): day 0's window ended on day 14 at noon, and the day-10 move is in it: progressed.
        var later = ActivityProgress.Of([deal], activities, new ActivityProgressOptions { AsOf = Day(15) });

        Assert.Equal((0, 3), (early.Total.Activities, early.Total.Pending));
        Assert.Equal((3, 3, 0), (later.Total.Activities, later.Total.Progressed, later.Total.Pending));
    }

    [Fact]
    public void Options_BadValues_Throw()
    {
        var within = Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityProgressOptions { Within = Duration.Zero });
        var kinds = Assert.Throws<ArgumentException>(() => new ActivityProgressOptions { Kinds = [] });
        var deal = Open("D1", "alice", 1m);
        var wrong = Assert.Throws<ArgumentException>(() =>
            new ActivityProgressAccumulator().Add(deal, [Activity.ForDeal(ActivityKind.Demo, Day(1), "a", new DealId("D2"))])
        );

        Assert.Equal("Within", within.ParamName);
        Assert.Equal("Kinds", kinds.ParamName);
        Assert.Equal("activities", wrong.ParamName);
        Assert.Contains("deal D1", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SameDealTwice_Throws()
    {
        var deal = Open("D1", "alice", 1m);

        var ex = Assert.Throws<ArgumentException>(() => ActivityProgress.Of([deal, deal], []));

        Assert.Equal("deals", ex.ParamName);
        Assert.Contains("D1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OfSplit_EqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                SplitSpecs,
                input =>
                {
                    var deals = input.Specs.Select(Build).ToArray();
                    var activities = input
                        .Specs.SelectMany(s =>
                            new[] { ActivityKind.Demo, ActivityKind.Meeting, ActivityKind.Call }.Select(
                                (kind, k) => Activity.ForDeal(kind, Day(s.CreatedDay + 7 * k), s.Owner, new DealId("G-" + s.Index))
                            )
                        )
                        .ToArray();
                    var index = ActivityIndex.Create(activities);
                    var options = new ActivityProgressOptions { AsOf = Day(250) };
                    var whole = ActivityProgress.Of(deals, activities, options);
                    var left = new ActivityProgressAccumulator(options);
                    var right = new ActivityProgressAccumulator(options);
                    foreach (var deal in deals.Take(input.Cut))
                    {
                        left.Add(deal, index.ForDeal(deal.Id));
                    }
                    foreach (var deal in deals.Skip(input.Cut))
                    {
                        right.Add(deal, index.ForDeal(deal.Id));
                    }
                    left.Merge(right);
                    var merged = left.Result();
                    return whole.Total == merged.Total
                        && whole.ByRep.SequenceEqual(merged.ByRep)
                        && whole.ByKind.SequenceEqual(merged.ByKind)
                        && whole.Total.Activities + whole.Total.Pending == 2 * deals.Length
                        && whole.Total.Progressed <= whole.Total.Activities;
                }
            )
        );
}
