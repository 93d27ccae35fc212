using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class ActivityReportTests
{
    private static readonly IReadOnlyList<FiscalPeriod> Months = FiscalCalendar.Calendar.Months(2026);

    private static Activity Of(ActivityKind kind, int day, string rep, ActivityOutcome? outcome = null) =>
        Activity.ForDeal(kind, Day(day), rep, new DealId("D-1"), outcome);

    [Fact]
    public void Of_CountsPerRepPeriodKindAndOutcome()
    {
        Activity[] activities =
        [
            Of(ActivityKind.Call, 1, "alice", ActivityOutcome.Connected),
            Of(ActivityKind.Call, 2, "alice", ActivityOutcome.NoAnswer),
            Of(ActivityKind.Call, 3, "alice", ActivityOutcome.Connected),
            Of(ActivityKind.Demo, 40, "alice"), // February
            Of(ActivityKind.Email, 5, "bob"),
            Of(ActivityKind.Email, 400, "bob"), // 2027: outside
        ];

        var report = ActivityReport.Of(activities, Months);

        Assert.Equal(3, report.Lines.Count);
        var calls = report.Lines[0];
        Assert.Equal(("alice", Months[0], ActivityKind.Call, 3), (calls.Rep, calls.Period, calls.Kind, calls.Count));
        Assert.Equal([new OutcomeCount("connected", 2), new OutcomeCount("no-answer", 1)], calls.Outcomes);
        Assert.Equal([new OutcomeCount(BreakdownKeys.None, 1)], report.Lines[1].Outcomes);
        Assert.Equal(3, report.CountOf("alice", Months[0].Label));
        Assert.Equal(1, report.CountOf("alice", Months[1].Label, ActivityKind.Demo));
        Assert.Equal(1, report.Outside);
    }

    [Fact]
    public void Of_NullActivity_ThrowsNamingItsIndex()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ActivityReport.Of([Of(ActivityKind.Call, 1, "a"), null!], Months));

        Assert.Equal("activities", ex.ParamName);
        Assert.Contains("Activity 1", ex.Message, StringComparison.Ordinal);
    }

    private static Gen<Activity> ActivityGen =>
        from kind in Gen.Elements(Enum.GetValues<ActivityKind>())
        from day in Gen.Choose(-10, 400)
        from rep in Gen.Elements(Owners)
        from outcome in Gen.Elements<ActivityOutcome?>(null, ActivityOutcome.Completed, ActivityOutcome.NoShow)
        select Of(kind, day, rep, outcome);

    [Fact]
    public void Lines_AddUpToAllActivities_AndMergeOfSplitEqualsWhole_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (from list in Gen.ListOf(ActivityGen) from cut in Gen.Choose(0, list.Count) select (list.ToArray(), cut)).ToArbitrary(),
                input =>
                {
                    var (activities, cut) = input;
                    var whole = ActivityReport.Of(activities, Months);
                    var left = new ActivityReportAccumulator(Months);
                    left.AddRange(activities.Take(cut));
                    var right = new ActivityReportAccumulator(Months);
                    right.AddRange(activities.Skip(cut));
                    left.Merge(right);
                    var merged = left.Result();
                    return whole.Lines.Sum(l => l.Count) + whole.Outside == activities.Length
                        && whole.Lines.All(l => l.Outcomes.Sum(o => o.Count) == l.Count)
                        && whole.ToString() == merged.ToString();
                }
            )
        );
}
