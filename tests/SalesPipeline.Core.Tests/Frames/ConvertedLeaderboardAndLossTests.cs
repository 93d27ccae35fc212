using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Frames;

// The leaderboard and the loss analysis with exchange rates: the frame kernels on the converted column against Add on
// every deal (the same exact state, sums and scales included, or a refusal that changes nothing), and the entry
// points against the deal code (the same result or exception).
public class ConvertedLeaderboardAndLossTests
{
    private static readonly Gen<Deal[]> Deals = ConvertedSnapshotAndWinRateTests.WinRateDeals;

    private static readonly Gen<WinRateOptions> OptionsGen = ConvertedSnapshotAndWinRateTests.WinRateOptionsGen;

    // Not vacuous, each kernel: a third of the rates make every list fall back (a missing or huge GBP rate, 28-digit
    // products), the rest mostly run on the kernel.
    [Fact]
    public void Leaderboard_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing() =>
        KernelOracle.Holds(
            from deals in Deals
            from options in OptionsGen
            from level in Gen.Elements(LeaderboardLevel.Rep, LeaderboardLevel.Team)
            from parts in Gen.Choose(1, 4)
            select (deals, options, level, parts),
            c => c.deals,
            c => new LeaderboardAccumulator(c.level, c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            Board,
            a => a.StateText(),
            minimumShare: 1.0 / 3
        );

    [Fact]
    public void Leaderboard_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        KernelOracle.SameFromAList(
            Cases,
            c => c.deals,
            (c, deals) => Leaderboard.Of(deals, [], LeaderboardMeasure.WonAmount, LeaderboardLevel.Rep, c.options).ToString(),
            (c, deals) =>
            {
                var accumulator = new LeaderboardAccumulator(LeaderboardLevel.Rep, c.options);
                accumulator.AddRange(deals);
                return accumulator.Result(LeaderboardMeasure.WonAmount).ToString();
            }
        );

    [Fact]
    public void Losses_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing() =>
        KernelOracle.Holds(
            Split,
            c => c.deals,
            c => new LossAccumulator(c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            a => a.Result().ToString(),
            a => a.StateText(),
            minimumShare: 1.0 / 3
        );

    [Fact]
    public void Losses_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        KernelOracle.SameFromAList(
            Cases,
            c => c.deals,
            (c, deals) => LossAnalysis.Of(deals, c.options) is var report ? report.ToString() + " " + report.Lost.Value?.Amount : "",
            (c, deals) =>
            {
                var accumulator = new LossAccumulator(c.options);
                accumulator.AddRange(deals);
                return accumulator.Result().ToString() + " " + accumulator.Result().Lost.Value?.Amount;
            }
        );

    [Fact]
    public void Competitors_TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing() =>
        KernelOracle.Holds(
            Split,
            c => c.deals,
            c => new CompetitorAccumulator(c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            a => a.Result().ToString(),
            a => a.StateText(),
            minimumShare: 1.0 / 3
        );

    [Fact]
    public void Competitors_EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions()
    {
        // The accumulator's own AddAll (the frame where it can), and the analysis, against the deal code.
        KernelOracle.SameFromAList(
            Cases,
            c => c.deals,
            (c, deals) => new CompetitorAccumulator(c.options).AddAll(deals) is var a ? a.Result().ToString() + "\n" + a.StateText() : "",
            (c, deals) =>
            {
                var accumulator = new CompetitorAccumulator(c.options);
                accumulator.AddRange(deals);
                return accumulator.Result().ToString() + "\n" + accumulator.StateText();
            }
        );
        KernelOracle.SameFromAList(Cases, c => c.deals, (c, deals) => CompetitorAnalysis.Of(deals, c.options).ToString());
    }

    private static readonly Gen<(Deal[] deals, WinRateOptions options)> Cases =
        from deals in Deals
        from options in OptionsGen
        select (deals, options);

    private static readonly Gen<(Deal[] deals, WinRateOptions options, int parts)> Split =
        from deals in Deals
        from options in OptionsGen
        from parts in Gen.Choose(1, 4)
        select (deals, options, parts);

    private static string Board(LeaderboardAccumulator accumulator) =>
        string.Join(
            "\n",
            new[] { LeaderboardMeasure.WonAmount, LeaderboardMeasure.WonCount, LeaderboardMeasure.WinRate }.Select(m =>
                accumulator.Result(m).ToString()
            )
        );
}
