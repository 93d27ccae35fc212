using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class ActivityReportAccumulatorTests
{
    private static readonly IReadOnlyList<FiscalPeriod> Months = FiscalCalendar.Calendar.Months(2026);
    private static readonly DateTimeZone East = DateTimeZone.ForOffset(Offset.FromHours(2));

    private static Activity Call(int day, int hour = 12, ActivityKind kind = ActivityKind.Call) =>
        Activity.ForDeal(kind, Day(day, hour), "alice", new DealId("D-1"));

    [Fact]
    public void Add_PlacesTheActivityByItsDateInTheZone()
    {
        // Day(30, 23) is 2026-01-31T23:00Z: January in UTC, 2026-02-01 01:00 at +02.
        var utc = new ActivityReportAccumulator(Months);
        var east = new ActivityReportAccumulator(Months, East);
        utc.Add(Call(30, 23));
        east.Add(Call(30, 23));

        Assert.Equal(1, utc.Result().CountOf("alice", Months[0].Label));
        Assert.Equal(1, east.Result().CountOf("alice", Months[1].Label));
        Assert.Equal(0, east.Result().CountOf("alice", Months[0].Label));
    }

    [Fact]
    public void Result_LinesOfARepAndPeriod_InKindOrder()
    {
        var accumulator = new ActivityReportAccumulator(Months);
        accumulator.AddRange([Call(2, kind: ActivityKind.Demo), Call(1, kind: ActivityKind.Email), Call(3)]);

        // Call = 1, Email = 2, Demo = 4, all in January.
        Assert.Equal([ActivityKind.Call, ActivityKind.Email, ActivityKind.Demo], accumulator.Result().Lines.Select(l => l.Kind));
    }

    [Fact]
    public void Merge_OtherZoneOrPeriods_SaysWhichDiffer()
    {
        var accumulator = new ActivityReportAccumulator(Months);

        var zone = Assert.Throws<ArgumentException>(() => accumulator.Merge(new ActivityReportAccumulator(Months, East)));
        var both = Assert.Throws<ArgumentException>(() => accumulator.Merge(new ActivityReportAccumulator(Months.Take(6), East)));

        Assert.Equal(("other", "other"), (zone.ParamName, both.ParamName));
        Assert.StartsWith(
            "Only accumulators set up alike can be merged; these two differ in the zone. ",
            zone.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "Only accumulators set up alike can be merged; these two differ in the zone and the periods. ",
            both.Message,
            StringComparison.Ordinal
        );
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => accumulator.Merge(null!)).ParamName);
        Assert.Equal("activity", Assert.Throws<ArgumentNullException>(() => accumulator.Add(null!)).ParamName);
    }

    [Fact]
    public void Merge_AddsTheCountsAndTheOutside()
    {
        var left = new ActivityReportAccumulator(Months);
        var right = new ActivityReportAccumulator(Months);
        left.Add(Call(1));
        right.Add(Call(2));
        right.Add(Call(400)); // 2027: outside

        left.Merge(right);
        var report = left.Result();

        Assert.Equal((2, 1), (report.CountOf("alice", Months[0].Label), report.Outside));
    }
}
