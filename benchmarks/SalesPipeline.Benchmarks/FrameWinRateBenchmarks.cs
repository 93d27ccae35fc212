using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// Win rates over 1,000,000 deals of 1,000 owners (a third open, a third won, a third lost, closed across 2026), from
// the deals with their frame already cached (DealFrames.For, built once in GlobalSetup), as the side-by-side against
// pandas computes them: overall and by owner under Decided with no window (one call: the table's total is the overall
// rate). Beside it: the deal-by-deal path the entry points used before (the oracle), a window and quarters in a zone
// (the kernel then computes local dates), the loss analysis both ways, the competitor analysis and the leaderboard
// (rep by won amount), the incoming volume by owner and month, and the frame's build on its own.
// Goal (issue 14): <= 16 ms for the rate by owner from deals in memory once the frame is cached.
[MemoryDiagnoser]
[MedianColumn]
public class FrameWinRateBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;

    private static readonly PipelineDefinition Pipeline = DecidedDeals.Pipeline;

    private static readonly WinRateOptions Q2 = new WinRateOptions().Within(FiscalCalendar.Calendar.Quarters(2026)[1]);
    private static readonly WinRateOptions Berlin = new() { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] };

    private static readonly IReadOnlyList<FiscalPeriod> Months = FiscalCalendar.Calendar.Months(2026);
    private static readonly IncomingVolumeOptions ByOwner = new() { Breakdown = Breakdown.Owner };

    private Deal[] deals = [];

    [GlobalSetup]
    public void Setup()
    {
        deals = DecidedDeals.Generate(DealCount);
        // The frame and its owner groups, cached for this array as the entry points cache them.
        WinRate.By(deals, Breakdown.Owner);
        LossAnalysis.Of(deals);
        CompetitorAnalysis.Of(deals);
    }

    [Benchmark]
    public WinRateTable ByOwnerFromDeals() => WinRate.By(deals, Breakdown.Owner);

    [Benchmark]
    public WinRateTable ByOwnerDealByDeal()
    {
        var accumulator = WinRateAccumulator.By(Breakdown.Owner);
        accumulator.AddRange(deals);
        return accumulator.Result();
    }

    [Benchmark]
    public WinRateResult OverallInQ2() => WinRate.Of(deals, Q2);

    [Benchmark]
    public WinRateTable ByQuarterInBerlin() => WinRate.ByPeriod(deals, FiscalCalendar.Calendar.Quarters(2026), Berlin);

    [Benchmark]
    public LossReport LossesFromDeals() => LossAnalysis.Of(deals);

    [Benchmark]
    public LossReport LossesDealByDeal()
    {
        var accumulator = new LossAccumulator();
        accumulator.AddRange(deals);
        return accumulator.Result();
    }

    [Benchmark]
    public CompetitorReport CompetitorsFromDeals() => CompetitorAnalysis.Of(deals);

    [Benchmark]
    public Leaderboard LeaderboardFromDeals() => Leaderboard.Of(deals, [], LeaderboardMeasure.WonAmount);

    [Benchmark]
    public IncomingVolumeReport VolumeByOwnerFromDeals() => IncomingVolume.Of([], deals, Months, ByOwner);

    [Benchmark]
    public int BuildFrameWithOwnerGroups() => DealFrame.Of(deals).OwnerGroups.Count;
}
