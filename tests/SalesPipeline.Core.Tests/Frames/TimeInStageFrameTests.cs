using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Tests.Frames;

public class TimeInStageFrameTests
{
    private static readonly TimeInStageOptions[] Options =
    [
        TimeInStageOptions.Default,
        new() { IncludeOpenStints = false },
        new() { Percentiles = [0.1, 0.5, 0.99] },
        new() { BusinessDays = BusinessCalendar.Create(DateTimeZoneProviders.Tzdb["Europe/Berlin"], []) },
        // Holidays inside the histories' weeks and a Friday-Saturday weekend, in a zone west of UTC.
        new()
        {
            BusinessDays = BusinessCalendar.Create(
                DateTimeZoneProviders.Tzdb["America/New_York"],
                [History.H(30).InUtc().Date, History.H(200).InUtc().Date],
                [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]
            ),
            IncludeOpenStints = false,
        },
    ];

    // As of hour -10 (before every deal) to 600, sometimes 50 ns past a tick.
    private static readonly Gen<Instant> AsOf =
        from hours in Gen.Choose(-10, 600)
        from subTick in Gen.Elements(0, 0, 0, 50)
        select History.H(hours).Plus(Duration.FromNanoseconds(subTick));

    // TimeInStage.Of over a list (the frame path, where it applies) gives what it gives over the same deals read once
    // as a sequence (the deal path): every figure, or the same exception.
    [Fact]
    public void Of_ListEqualsSequence_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                AsOf.ToArbitrary(),
                Gen.Choose(0, Options.Length - 1).ToArbitrary(),
                (deals, asOf, o) =>
                {
                    var framed = StintsHostile.Outcome(() => TimeInStage.Of(deals, History.Pipeline, asOf, Options[o]));
                    var today = StintsHostile.Outcome(() => TimeInStage.Of(deals.Select(d => d), History.Pipeline, asOf, Options[o]));
                    return framed == today;
                }
            )
        );

    private static int ran;
    private static int tried;

    // The kernel itself, split into 1 to 4 parts: when it runs, the accumulator holds exactly what adding the deals one
    // by one gives; when it declines, the accumulator is unchanged. It must run on most lists.
    [Fact]
    public void TryAdd_EqualsAddingEachDeal_AndRunsOnMostLists_Property()
    {
        PropertyAssert.Holds(
            Prop.ForAll(
                StintsHostile.RandomDeals.ToArbitrary(),
                Gen.Choose(0, 600).ToArbitrary(),
                (from o in Gen.Choose(0, Options.Length - 1) from parts in Gen.Choose(1, 4) select (o, parts)).ToArbitrary(),
                (deals, hours, setup) =>
                {
                    var (o, parts) = setup;
                    if (deals.Length == 0)
                    {
                        return true;
                    }
                    var asOf = History.H(hours);
                    var accumulator = new TimeInStageAccumulator(History.Pipeline, asOf, Options[o]);
                    var ok = accumulator.TryAdd(DealFrame.Of(deals), parts);
                    tried++;
                    var oracle = new TimeInStageAccumulator(History.Pipeline, asOf, Options[o]);
                    if (ok)
                    {
                        ran++;
                        oracle.AddRange(deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                    }
                    return StintsHostile.Dump(accumulator.Result()) == StintsHostile.Dump(oracle.Result());
                }
            )
        );
        Assert.True(ran * 10 > tried * 5, $"The frame kernel ran on {ran} of {tried} lists.");
    }

    // A stint that starts at the first supported instant, 0001-01-01T00:00Z, which in New York is still 0000-12-31: its
    // business time cannot be counted. The kernel declines (changing nothing) and the list gives the deal code's
    // exception, naming the deal parameter and the instant.
    [Fact]
    public void BusinessDays_StintBeforeTheCalendarsFirstDate_KernelDeclines_AndTheListThrowsAsTheDealCodeDoes()
    {
        var first = Instant.FromUtc(1, 1, 1, 0, 0);
        var deal = Created(first, new LocalDate(1, 2, 1));
        var options = new TimeInStageOptions { BusinessDays = BusinessCalendar.Create(DateTimeZoneProviders.Tzdb["America/New_York"], []) };
        var asOf = first.Plus(Duration.FromDays(10));
        var accumulator = new TimeInStageAccumulator(History.Pipeline, asOf, options);
        Assert.False(accumulator.TryAdd(DealFrame.Of([deal])));
        Assert.Equal(0, accumulator.Result().Deals);
        var fromList = Assert.Throws<ArgumentOutOfRangeException>(() => TimeInStage.Of([deal], History.Pipeline, asOf, options));
        var fromDeal = Assert.Throws<ArgumentOutOfRangeException>(() =>
            TimeInStage.Of(new[] { deal }.Select(d => d), History.Pipeline, asOf, options)
        );
        Assert.Equal("deal", fromList.ParamName);
        Assert.Contains("0001-01-01T00:00:00Z", fromList.Message);
        Assert.Equal(fromDeal.Message, fromList.Message);
    }

    // A week of business days over the frame: Monday 09:00 to the next Monday 09:00 in New York (across the switch to
    // daylight saving time) is 5 business days with a Monday-Friday week and 4 with Wednesday a holiday.
    [Fact]
    public void BusinessDays_OnTheFrame_CountsTheCalendarsDays()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var monday = new LocalDateTime(2026, 3, 2, 9, 0).InZoneStrictly(zone).ToInstant();
        var deal = Created(monday, new LocalDate(2026, 6, 1));
        // 167 hours later: New York moves its clocks forward on Sunday 8 March.
        var nextMonday = new LocalDateTime(2026, 3, 9, 9, 0).InZoneStrictly(zone).ToInstant();
        foreach (var (holidays, days) in new[] { (Array.Empty<LocalDate>(), 5.0), ([new LocalDate(2026, 3, 4)], 4.0) })
        {
            var options = new TimeInStageOptions { BusinessDays = BusinessCalendar.Create(zone, holidays) };
            var accumulator = new TimeInStageAccumulator(History.Pipeline, nextMonday, options);
            Assert.True(accumulator.TryAdd(DealFrame.Of([deal])));
            Assert.Equal(days, accumulator.Result()["prospecting"].Latest?.MedianDays);
        }
    }

    private static Deal Created(Instant at, LocalDate expectedClose) =>
        Deal.FromEvents([
            new DealCreated(
                new DealId("D-1"),
                at,
                "alice",
                History.Pipeline.Name,
                "D-1",
                "alice",
                Money.Of(100m, Currency.USD),
                expectedClose,
                "prospecting"
            ),
        ]);
}
