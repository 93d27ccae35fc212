using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// The product plan and its parallel execution against the sequential priority queue they replace: the same doubles,
// bit for bit, whether the waves run on one core or several.
public sealed class ParallelConvolutionTests
{
    private static readonly Gen<GridConvolution.GridDeal> Deals =
        from lo in Gen.Frequency((2, Gen.Choose(0, 3)), (3, Gen.Choose(4, 60)), (1, Gen.Choose(61, 600)))
        from p in Gen.Choose(1, 999)
        from w in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 999)))
        select new GridConvolution.GridDeal(lo, p / 1000.0 * (1 - w / 1000.0), p / 1000.0 * (w / 1000.0));

    // Up to 600 deals of about 70 points each on average: from no group at all to about 40 groups, so that waves run
    // both inline and in parallel (from GridConvolution.ParallelPoints = 16,384 points).
    private static readonly Gen<GridConvolution.GridDeal[]> Pipelines = Gen.Choose(0, 600).SelectMany(n => Gen.ArrayOf(Deals, n));

    [Fact]
    public void Sum_EqualsTheSequentialProductTree_BitForBit_Property() =>
        Prop.ForAll(
                Pipelines.ToArbitrary(),
                deals =>
                {
                    var expected = DistributionOracles.SequentialSum(deals);
                    var actual = GridConvolution.Sum(deals);
                    return expected.AsSpan().SequenceEqual(actual);
                }
            )
            .Check(PropertyAssert.Config.WithMaxTest(100));

    private static readonly Gen<double[]> Vectors = Gen.Choose(1, 70)
        .SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(x => x / 1e6), n));

    // The widest-vector loops against the Vector<double> ones: lengths around every vector width and tail, any taps.
    [Fact]
    public void AddDeal_AndMultiplyDirect_EqualTheVectorOfDoubleLoops_BitForBit_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Vectors.ToArbitrary(),
                Vectors.ToArbitrary(),
                Deals.ToArbitrary(),
                (a, b, deal) =>
                {
                    var sameProduct = DistributionOracles.MultiplyDirect(a, b).AsSpan().SequenceEqual(GridConvolution.MultiplyDirect(a, b));
                    // a as the distribution so far, with room for the deal above it.
                    var expected = new double[a.Length + deal.Span];
                    a.CopyTo(expected, 0);
                    var actual = (double[])expected.Clone();
                    DistributionOracles.AddDeal(expected, a.Length, deal);
                    GridConvolution.AddDeal(actual, a.Length, deal);
                    return sameProduct && expected.AsSpan().SequenceEqual(actual);
                }
            )
        );

    [Fact]
    public void PoissonBinomial_EqualsTheVectorOfDoublesProgramme_BitForBit_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, 3_000)
                    .SelectMany(n =>
                        Gen.ArrayOf(Gen.OneOf(Gen.Elements(0.0, 1.0, 0.5, 1e-9, 1 - 1e-9), Gen.Choose(1, 999_999).Select(x => x / 1e6)), n)
                    )
                    .ToArbitrary(),
                ps => DistributionOracles.PoissonBinomialOf(ps).AsSpan().SequenceEqual(PoissonBinomial.Of(ps))
            )
        );

    [Fact]
    public void Plan_RunsEveryProductAfterItsOperands_UsesEachNodeOnce_AndEndsAtTheRoot_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Pipelines.ToArbitrary(),
                deals =>
                {
                    var plan = ProductPlan.Of(deals);
                    var groups = plan.Groups.Count;
                    var used = new bool[groups + plan.Products.Count];
                    var next = groups;
                    foreach (var wave in plan.Waves)
                    {
                        if (wave.First != next || wave.Count < 1)
                        {
                            return false;
                        }
                        for (var node = wave.First; node < wave.First + wave.Count; node++)
                        {
                            var (left, right) = plan.Products[node - groups];
                            // Operands from earlier waves (or groups), each used by one product only.
                            if (left >= wave.First || right >= wave.First || left == right || used[left] || used[right])
                            {
                                return false;
                            }
                            used[left] = used[right] = true;
                        }
                        next += wave.Count;
                    }
                    var spans = deals.Sum(d => (long)d.Span);
                    return next == groups + plan.Products.Count
                        && plan.Products.Count == Math.Max(0, groups - 1)
                        && used.Count(u => !u) == (groups == 0 ? 0 : 1)
                        && (groups == 0 || !used[^1])
                        && (plan.Waves.Count == 0 || plan.Waves[^1].Count == 1)
                        && plan.Length == spans + groups
                        && plan.Groups.Sum(g => g.End - g.Start) == deals.Length;
                }
            )
        );

    // 64 groups of 1,031 points: equal lengths pair up in creation order (0 with 1, ..., 62 with 63), and each product
    // is longer than any group left, so the first 32 products are one wave; then 16, 8, 4, 2 and the root.
    [Fact]
    public void Plan_OfEqualGroups_IsABalancedTree()
    {
        // A deal of span 1,030 fills a group by itself (1 + 1,030 points >= 1,024).
        var deals = Enumerable.Repeat(new GridConvolution.GridDeal(1_030, 0.5, 0.0), 64).ToArray();

        var plan = ProductPlan.Of(deals);

        Assert.Equal(64, plan.Groups.Count);
        Assert.All(plan.Groups, g => Assert.Equal(1_031, g.Length));
        Assert.Equal([32, 16, 8, 4, 2, 1], plan.Waves.Select(w => w.Count));
        Assert.Equal((0, 1), plan.Products[0]);
        Assert.Equal((62, 63), plan.Products[31]);
        Assert.Equal((64, 65), plan.Products[32]);
        // Wave lengths: 32 products of 2 x 1,031 - 1 = 2,061 points.
        Assert.Equal(32 * 2_061L, plan.Waves[0].Length);
    }
}
