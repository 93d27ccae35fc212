using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class ActivityProgressOptionsTests
{
    // The lists print their elements (they printed "System.Collections.ObjectModel.ReadOnlyCollection`1[...]"); the
    // outcomes in the order the setter keeps, by code.
    [Fact]
    public void ToString_ShowsTheKindsAndOutcomes()
    {
        var text = ActivityProgressOptions.Default.ToString();

        Assert.Contains("Kinds = [Meeting, Demo], ExcludedOutcomes = [cancelled, no-show]", text, StringComparison.Ordinal);
    }

    private static Activity Meeting(Deal deal, Instant at, ActivityOutcome? outcome = null) =>
        Activity.ForDeal(ActivityKind.Meeting, at, "alice", deal.Id, outcome);

    [Fact]
    public void Kinds_NullEmptyOrUndefined_ThrowNamingTheValues()
    {
        var none = Assert.Throws<ArgumentNullException>(() => new ActivityProgressOptions { Kinds = null! });
        var empty = Assert.Throws<ArgumentException>(() => new ActivityProgressOptions { Kinds = [] });
        var undefined = Assert.Throws<ArgumentException>(() =>
            new ActivityProgressOptions { Kinds = [ActivityKind.Meeting, (ActivityKind)99] }
        );

        Assert.Equal("Kinds", none.ParamName);
        Assert.Equal(("Kinds", "Kinds"), (empty.ParamName, undefined.ParamName));
        Assert.StartsWith("Kinds must name at least one defined activity kind; it was [].", empty.Message, StringComparison.Ordinal);
        // Meeting is 3; the undefined kind is shown as its number.
        Assert.StartsWith(
            "Kinds must name at least one defined activity kind; it was [3, 99].",
            undefined.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Kinds_AreDeduplicatedAndOrdered()
    {
        var options = new ActivityProgressOptions { Kinds = [ActivityKind.Demo, ActivityKind.Call, ActivityKind.Demo] };

        // Call = 1, Demo = 4: each once, in enum order.
        Assert.Equal([ActivityKind.Call, ActivityKind.Demo], options.Kinds);
    }

    [Fact]
    public void ExcludedOutcomes_NullElement_ThrowsNamingItsIndex()
    {
        var e = Assert.Throws<ArgumentNullException>(() =>
            new ActivityProgressOptions { ExcludedOutcomes = [ActivityOutcome.NoShow, null!] }
        );

        Assert.Equal("ExcludedOutcomes", e.ParamName);
        Assert.StartsWith("Outcome 1 is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcludedOutcomes_AreDeduplicatedAndOrderedByCode()
    {
        var options = new ActivityProgressOptions
        {
            ExcludedOutcomes =
            [
                ActivityOutcome.NoShow,
                ActivityOutcome.Completed,
                new ActivityOutcome("no-show"),
                ActivityOutcome.Cancelled,
            ],
        };

        // Ordinal order of the codes: "cancelled" < "completed" < "no-show".
        Assert.Equal(["cancelled", "completed", "no-show"], options.ExcludedOutcomes.Select(o => o.Code));
    }

    [Fact]
    public void Within_MustBePositive()
    {
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityProgressOptions { Within = Duration.Zero });
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityProgressOptions { Within = Duration.FromDays(-1) });
        // The smallest positive duration is accepted as it is.
        var tick = new ActivityProgressOptions { Within = Duration.Epsilon };

        Assert.Equal(("Within", "Within"), (zero.ParamName, negative.ParamName));
        Assert.Equal(Duration.FromDays(-1), negative.ActualValue);
        Assert.StartsWith($"Within must be positive; it was {Duration.Zero}.", zero.Message, StringComparison.Ordinal);
        Assert.Equal(Duration.Epsilon, tick.Within);
    }

    [Fact]
    public void Equality_ListsByContent_EveryFieldCounts()
    {
        var a = new ActivityProgressOptions
        {
            Kinds = [ActivityKind.Demo, ActivityKind.Meeting],
            ExcludedOutcomes = [ActivityOutcome.Cancelled, ActivityOutcome.NoShow],
        };
        // Same content in another order and with a repeat: equal, same hash.
        var b = new ActivityProgressOptions
        {
            Kinds = [ActivityKind.Meeting, ActivityKind.Demo, ActivityKind.Meeting],
            ExcludedOutcomes = [ActivityOutcome.NoShow, ActivityOutcome.Cancelled],
        };
        ActivityProgressOptions[] others =
        [
            a with
            {
                Kinds = [ActivityKind.Meeting],
            },
            a with
            {
                ExcludedOutcomes = [ActivityOutcome.NoShow],
            },
            a with
            {
                Within = Duration.FromDays(7),
            },
            a with
            {
                AsOf = Day(3),
            },
            a with
            {
                Start = new LocalDate(2026, 1, 1),
            },
            a with
            {
                End = new LocalDate(2026, 2, 1),
            },
            a with
            {
                Zone = DateTimeZone.ForOffset(Offset.FromHours(2)),
            },
            a with
            {
                Confidence = 0.9,
            },
        ];

        Assert.Equal(a, b);
        Assert.Equal(ActivityProgressOptions.Default, a);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(null));
        Assert.All(others, o => Assert.NotEqual(a, o));
        Assert.All(others, o => Assert.True(o.Equals(o with { })));
    }

    [Fact]
    public void Default_EqualsTheSameOutcomesGivenInAnyOrder_SoAccumulatorsMerge()
    {
        // The default leaves out no-shows and cancellations; naming them again, in either order, is the same setting.
        var spelled = new ActivityProgressOptions { ExcludedOutcomes = [ActivityOutcome.NoShow, ActivityOutcome.Cancelled] };
        var deal = Open("D1", "alice", 1m);
        var left = new ActivityProgressAccumulator();
        var right = new ActivityProgressAccumulator(spelled);
        right.Add(deal, [Meeting(deal, Day(1))]);

        left.Merge(right);

        Assert.Equal(ActivityProgressOptions.Default, spelled);
        Assert.Equal(["cancelled", "no-show"], ActivityProgressOptions.Default.ExcludedOutcomes.Select(o => o.Code));
        Assert.Equal(1, left.Result().Total.Activities);
    }

    [Fact]
    public void Judges_OutcomeLeftOutOnlyWhenExcluded()
    {
        var deal = Open("D1", "alice", 1m);
        Activity[] activities =
        [
            Meeting(deal, Day(1)), // no outcome: judged
            Meeting(deal, Day(2), ActivityOutcome.Completed), // not excluded: judged
            Meeting(deal, Day(3), ActivityOutcome.NoShow), // excluded by default
            Meeting(deal, Day(4), ActivityOutcome.Cancelled), // excluded by default
        ];

        var report = ActivityProgress.Of([deal], activities);
        var none = ActivityProgress.Of([deal], activities, new ActivityProgressOptions { ExcludedOutcomes = [] });

        // Nothing follows the meetings: judged but not progressed.
        Assert.Equal((2, 0), (report.Total.Activities, report.Total.Progressed));
        Assert.Equal(4, none.Total.Activities);
    }

    [Fact]
    public void Window_StartInclusive_EndExclusive_DatesInTheZone()
    {
        var deal = Open("D1", "alice", 1m);
        // Day(n) is 2026-01-01 + n days at 12:00Z.
        Activity[] activities =
        [
            Meeting(deal, Day(3, hour: 23)), // 2026-01-04 23:00Z: the 4th in UTC, the 5th at +02
            Meeting(deal, Day(4)), // 2026-01-05: on Start, in
            Meeting(deal, Day(9)), // 2026-01-10: the last day before End, in
            Meeting(deal, Day(10)), // 2026-01-11: on End, out
        ];
        var options = new ActivityProgressOptions { Start = new LocalDate(2026, 1, 5), End = new LocalDate(2026, 1, 11) };

        var utc = ActivityProgress.Of([deal], activities, options);
        var east = ActivityProgress.Of([deal], activities, options with { Zone = DateTimeZone.ForOffset(Offset.FromHours(2)) });

        Assert.Equal(2, utc.Total.Activities);
        Assert.Equal(3, east.Total.Activities);
    }

    [Fact]
    public void Check_EmptyWindowOrNullZone_ThrowsNamingOptions()
    {
        var same = new ActivityProgressOptions { Start = new LocalDate(2026, 1, 5), End = new LocalDate(2026, 1, 5) };
        var reversed = same with { End = new LocalDate(2026, 1, 4) };

        var empty = Assert.Throws<ArgumentException>(() => new ActivityProgressAccumulator(same));
        var backwards = Assert.Throws<ArgumentException>(() => ActivityProgress.Of([], [], reversed));
        var zone = Assert.Throws<ArgumentException>(() => new ActivityProgressAccumulator(new ActivityProgressOptions { Zone = null! }));
        // A one-day window is not empty.
        var oneDay = new ActivityProgressAccumulator(same with { End = new LocalDate(2026, 1, 6) });

        Assert.Equal(("options", "options", "options"), (empty.ParamName, backwards.ParamName, zone.ParamName));
        Assert.StartsWith(
            "The window [2026-01-05, 2026-01-05) is empty: Start must be before End (End is exclusive).",
            empty.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith("The window [2026-01-05, 2026-01-04) is empty", backwards.Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "ActivityProgressOptions.Zone must not be null; use DateTimeZone.Utc for UTC.",
            zone.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(0, oneDay.Result().Total.Activities);
    }

    [Fact]
    public void Of_UnmatchedActivities_CountedByTheGivenOptions()
    {
        var deal = Open("D1", "alice", 1m);
        Activity[] activities =
        [
            Activity.ForDeal(ActivityKind.Call, Day(1), "alice", new DealId("elsewhere")),
            Activity.ForDeal(ActivityKind.Call, Day(2), "alice", new DealId("elsewhere")),
            Activity.ForDeal(ActivityKind.Demo, Day(2), "alice", new DealId("elsewhere")),
        ];

        // Calls are not judged by default: only the demo is an unmatched judged activity; with calls only, the two calls.
        var byDefault = ActivityProgress.Of([deal], activities);
        var calls = ActivityProgress.Of([deal], activities, new ActivityProgressOptions { Kinds = [ActivityKind.Call] });

        Assert.Equal(1, byDefault.UnmatchedActivities);
        Assert.Equal(2, calls.UnmatchedActivities);
    }
}
