using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Frames;

// The properties every frame kernel is held to, against the deal code as the oracle. Holds, an accumulator's kernel
// against AddRange on every deal, deal by deal: where the kernel takes a case, the same text (the result and the exact
// state, decimal scales included) or the same exception; where it refuses, an accumulator left exactly as it was. Not
// vacuous: the kernel must take more than `minimumShare` of the generated cases with deals. SameFromAList, an entry
// point from a list against the same from a lazy sequence; MostlyRuns, the kernel shown to take plain inputs.
internal static class KernelOracle
{
    internal static void Holds<TCase, TAccumulator>(
        Gen<TCase> cases,
        Func<TCase, Deal[]> dealsOf,
        Func<TCase, TAccumulator> create,
        Action<TAccumulator, IEnumerable<Deal>> addRange,
        Func<TAccumulator, DealFrame, TCase, bool> tryAdd,
        Func<TAccumulator, string> show,
        Func<TAccumulator, string> state,
        double minimumShare = 0.5
    )
    {
        var (tried, taken) = (0, 0);
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var deals = dealsOf(c);
                    var oracle = create(c);
                    var expected = WinRateFrameDeals.Outcome(() =>
                    {
                        addRange(oracle, deals.Select(d => d)); // a sequence: the deal code (AddRange runs a list on the frame)
                        return show(oracle) + "\n" + state(oracle);
                    });
                    if (deals.Length == 0)
                    {
                        return;
                    }
                    var framed = create(c);
                    var before = state(framed);
                    tried++;
                    if (tryAdd(framed, DealFrame.Of(deals), c))
                    {
                        taken++;
                        // The result may throw as the oracle's does (a sum past Money's range, say): the same exception.
                        Assert.Equal(expected, WinRateFrameDeals.Outcome(() => show(framed) + "\n" + state(framed)));
                    }
                    else
                    {
                        Assert.Equal(before, state(framed));
                    }
                }
            )
        );
        Assert.True(taken > tried * minimumShare, $"the kernel took {taken} of {tried} cases");
    }

    // The same property at an entry point (with exchange rates, say): computed from the list of deals (which runs on
    // the frame when it can) it gives what the oracle gives from a lazy sequence of the same deals (the deal code,
    // deal by deal), to the last digit and scale, or the same exception (type, message, parameter). The oracle is the
    // same computation unless one is given (an accumulator fed deal by deal, say). splitFrom: every frame of at least
    // that many rows runs in parts, so that the kernels' merge of parts is under test too.
    internal static void SameFromAList<TCase>(
        Gen<TCase> cases,
        Func<TCase, Deal[]> dealsOf,
        Func<TCase, IEnumerable<Deal>, string> compute,
        Func<TCase, IEnumerable<Deal>, string>? oracle = null,
        int? splitFrom = null
    )
    {
        using var split = splitFrom is { } rows ? FramePartitions.SplitFrom(rows) : null;
        oracle ??= compute;
        PropertyAssert.Holds(
            Prop.ForAll(
                cases.ToArbitrary(),
                c =>
                {
                    var deals = dealsOf(c);
                    Assert.Equal(
                        WinRateFrameDeals.Outcome(() => oracle(c, deals.Select(d => d))),
                        WinRateFrameDeals.Outcome(() => compute(c, deals))
                    );
                }
            )
        );
    }

    // Not vacuous: on inputs no kernel should refuse (plain deals, short rates) the kernel takes at least nine in ten of
    // a fixed sample of cases with deals.
    internal static void MostlyRuns<TCase>(Gen<TCase> cases, Func<TCase, Deal[]> dealsOf, Func<TCase, DealFrame, bool> runs, ulong seed)
    {
        var sample = cases.Sample(30, new Rnd(seed), 40).Where(c => dealsOf(c).Length > 0).ToArray();
        var taken = sample.Count(c => runs(c, DealFrame.Of(dealsOf(c))));
        Assert.True(sample.Length >= 20 && taken >= sample.Length * 9 / 10, $"the kernel ran for {taken} of {sample.Length} lists");
    }
}
