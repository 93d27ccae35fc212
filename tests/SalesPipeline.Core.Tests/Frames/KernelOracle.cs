using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Frames;

// The property every accumulator's frame kernel is held to, against the oracle (AddRange on every deal, deal by deal):
// where the kernel takes a case, the same text (the result and the exact state, decimal scales included) or the same
// exception; where it refuses, an accumulator left exactly as it was. Not vacuous: the kernel must take more than
// `minimumShare` of the generated cases with deals.
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
                        Assert.Equal(expected, show(framed) + "\n" + state(framed));
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
}
