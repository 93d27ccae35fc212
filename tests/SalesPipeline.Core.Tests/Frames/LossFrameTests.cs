using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Frames.WinRateFrameDeals;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Frames;

// The frame kernel of the loss analysis against the oracle, Add on every deal: the same report (every line and
// figure, decimal scales included), the same exact state, the same exception; and a refusal changes nothing.
public class LossFrameTests
{
    [Fact]
    public void TryAdd_GivesExactlyWhatAddGives_OrRefusesAndChangesNothing()
    {
        KernelOracle.Holds(
            from deals in DealsGen
            from options in OptionsGen
            from parts in Gen.Choose(1, 4)
            select (deals, options, parts),
            c => c.deals,
            c => new LossAccumulator(c.options),
            (a, deals) => a.AddRange(deals),
            (a, frame, c) => a.TryAdd(frame, c.parts),
            a => Render(a.Result()),
            a => a.StateText()
        );
    }

    [Fact]
    public void EntryPoint_GivesWhatItGaveBefore_ValuesOrExceptions()
    {
        var cases = from deals in DealsGen from options in OptionsGen select (deals, options);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var oracle = Outcome(() =>
                    {
                        var accumulator = new LossAccumulator(c.options);
                        accumulator.AddRange(c.deals.Select(d => d)); // a sequence: the deal code, not the frame AddRange now runs on a list
                        return Render(accumulator.Result());
                    });
                    Assert.Equal(oracle, Outcome(() => Render(LossAnalysis.Of(c.deals, c.options))));
                }
            )
        );
    }

    [Fact]
    public void LostAndStopped_CountUnderTheirReasonsAndStages_WithTheScalesOfTheirSums()
    {
        // Lost from prospecting for price: 100 and 100.00 (sum 200.00); stopped on hold in prospecting: 0.001, placed by
        // its stop on day 9 (in the window [day 0, day 30)); a deal lost on day 40 is outside.
        Deal[] deals =
        [
            Lost("A", "alice", 100m, closedDay: 3),
            Lost("B", "bob", 100.00m, closedDay: 4),
            Pipeline.ApplyOrThrow(Open("C", "carol", 0.001m), DealCommand.Stop(StopReason.OnHold, Day(9), "carol")),
            Lost("D", "bob", 5m, closedDay: 40),
        ];
        var accumulator = new LossAccumulator(new WinRateOptions { Start = Date(0), End = Date(30) });

        Assert.True(accumulator.TryAdd(DealFrame.Of(deals), parts: 3));

        Assert.Equal("lost (price, prospecting): 2 200.00\nstopped (on-hold, prospecting): 1 0.001\nin USD", accumulator.StateText());
    }

    [Fact]
    public void EntryPoint_KeepsItsArgumentErrors()
    {
        Deal[] withNull = [Lost("A", "alice", 10m, closedDay: 3), null!];

        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => LossAnalysis.Of(null!)).ParamName);
        Assert.Contains("1", Assert.Throws<ArgumentNullException>(() => LossAnalysis.Of(withNull)).Message, StringComparison.Ordinal);
        Assert.Throws<MissingExchangeRateException>(() =>
            LossAnalysis.Of([Lost("A", "alice", 10m, closedDay: 3), Lost("B", "bob", 10m, closedDay: 3, currency: Currency.EUR)])
        );
    }

    private static string Render(LossReport report) =>
        string.Join(
            "\n",
            new[] { "lost " + Render(report.Lost), "stopped " + Render(report.Stopped) }
                .Concat(report.Reasons.Select(r => $"{r.Reason.Code} {Render(r.Figures)} [{Render(r.Stages)}]"))
                .Concat(report.Stages.Select(s => $"stage {s.StageId} {Render(s.Figures)}"))
                .Concat(report.StopReasons.Select(r => $"{r.Reason.Code} {Render(r.Figures)} [{Render(r.Stages)}]"))
                .Concat(report.StopStages.Select(s => $"stop stage {s.StageId} {Render(s.Figures)}"))
                .Append(report.ToString())
        );

    private static string Render(IReadOnlyList<LossStageLine> stages) =>
        string.Join("; ", stages.Select(s => s.StageId + " " + Render(s.Figures)));

    private static string Render(LossFigures f) =>
        string.Create(CultureInfo.InvariantCulture, $"{f.Count} {f.Value?.Currency.Code} {f.Value?.Amount} {f.CountShare} {f.ValueShare}");
}
