using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class WinRateOptionsTests
{
    // Day(n) is 2026-01-01 + n days at 12:00Z: Day(9) is 2026-01-10, Day(19) is 2026-01-20.
    private static readonly WinRateOptions Window = new() { Start = new LocalDate(2026, 1, 10), End = new LocalDate(2026, 1, 20) };

    [Fact]
    public void Definition_Undefined_IsRejectedWithItsNumber()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WinRateOptions { Definition = (WinRateDefinition)5 });

        Assert.Equal("Definition", e.ParamName);
        Assert.Equal((WinRateDefinition)5, e.ActualValue);
        Assert.StartsWith("The win-rate definition must be Decided or Created; it was 5.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_NullPeriod_Throws()
    {
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => WinRateOptions.Default.Within(null!)).ParamName);
    }

    [Fact]
    public void InWindow_StartInclusive_EndExclusive()
    {
        Assert.False(Window.InWindow(new LocalDate(2026, 1, 9)));
        Assert.True(Window.InWindow(new LocalDate(2026, 1, 10)));
        Assert.True(Window.InWindow(new LocalDate(2026, 1, 19)));
        Assert.False(Window.InWindow(new LocalDate(2026, 1, 20)));
        // Open ends: no lower bound, no upper bound.
        Assert.True((Window with { Start = null }).InWindow(new LocalDate(1, 1, 1)));
        Assert.True((Window with { End = null }).InWindow(new LocalDate(9999, 12, 31)));
    }

    [Fact]
    public void Of_DealClosingOnStartIsIn_OnEndIsOut_DatesInTheZone()
    {
        Deal[] deals =
        [
            Won("D1", "alice", 1m, 9), // closed 2026-01-10, on Start: in
            Lost("D2", "alice", 1m, 18), // closed 2026-01-19, the last day: in
            Won("D3", "alice", 1m, 19), // closed 2026-01-20, on End: out
            Won("D4", "alice", 1m, 8), // closed 2026-01-09, before Start: out
        ];
        // D2 closed at 2026-01-19 12:00Z, 2026-01-20 00:00 at +12: out there; D4's 2026-01-09 12:00Z is 2026-01-10 at +12: in.
        var east = Window with
        {
            Zone = DateTimeZone.ForOffset(Offset.FromHours(12)),
        };

        var utc = WinRate.Of(deals, Window);
        var shifted = WinRate.Of(deals, east);

        // UTC: D1 won, D2 lost: 1 of 2. At +12: D4 and D1 won, D2 and D3 out: 2 of 2.
        Assert.Equal((1, 1), (utc.Won, utc.Lost));
        Assert.Equal((2, 0), (shifted.Won, shifted.Lost));
    }

    [Fact]
    public void Check_NullZoneOrEmptyWindow_ThrowsNamingOptions()
    {
        var zone = Assert.Throws<ArgumentException>(() => WinRate.Of([], new WinRateOptions { Zone = null! }));
        var empty = Assert.Throws<ArgumentException>(() => new WinRateAccumulator(Window with { End = new LocalDate(2026, 1, 10) }));

        Assert.Equal(("options", "options"), (zone.ParamName, empty.ParamName));
        Assert.StartsWith("WinRateOptions.Zone must not be null; use DateTimeZone.Utc for UTC.", zone.Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "The window [2026-01-10, 2026-01-10) is empty: Start must be before End (End is exclusive).",
            empty.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ByTeam_WithoutOrganization_NamesTheOption()
    {
        var rates = Assert.Throws<ArgumentException>(() => WinRateAccumulator.By(Breakdown.Team));
        var board = Assert.Throws<ArgumentException>(() => new LeaderboardAccumulator(LeaderboardLevel.Team));

        Assert.Equal(("options", "options"), (rates.ParamName, board.ParamName));
        Assert.StartsWith(
            "A breakdown by team needs the sales organisation; set WinRateOptions.Organization.",
            rates.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "A leaderboard of teams needs the sales organisation; set WinRateOptions.Organization.",
            board.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void CompetitorAccumulator_ReadsTheGivenWindow()
    {
        var accumulator = new CompetitorAccumulator(Window);
        // Closed on 2026-01-20, the window's End: not counted.
        accumulator.Add(Won("D1", "alice", 1m, 19, competitors: ["Globex"]));
        var all = new CompetitorAccumulator();
        all.Add(Won("D1", "alice", 1m, 19, competitors: ["Globex"]));

        Assert.Equal(0, accumulator.Result().Total.Trials);
        Assert.Equal(1, all.Result().Total.Trials);
    }

    [Fact]
    public void Equality_EveryFieldCounts()
    {
        var a = new WinRateOptions();
        WinRateOptions[] others =
        [
            a with
            {
                Definition = WinRateDefinition.Created,
            },
            a with
            {
                Start = new LocalDate(2026, 1, 1),
            },
            a with
            {
                End = new LocalDate(2026, 1, 1),
            },
            a with
            {
                Zone = DateTimeZone.ForOffset(Offset.FromHours(1)),
            },
            a with
            {
                Currency = Currency.EUR,
            },
            a with
            {
                Organization = Org,
            },
            a with
            {
                Confidence = 0.9,
            },
            a with
            {
                IntervalMethod = SalesPipeline.Statistics.BinomialIntervalMethod.Jeffreys,
            },
        ];

        Assert.Equal(WinRateOptions.Default, a);
        Assert.Equal(WinRateOptions.Default.GetHashCode(), a.GetHashCode());
        Assert.All(others, o => Assert.NotEqual(a, o));
    }
}
