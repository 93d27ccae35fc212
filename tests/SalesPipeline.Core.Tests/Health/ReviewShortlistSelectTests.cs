using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// The one-pass selection of the shortlist against a second method: a stable sort of every deal at risk by the review
// order (written out here, independently of the library's), cut to the size.
public sealed class ReviewShortlistSelectTests
{
    private static readonly string[] Owners = ["alice", "bob"];
    private static readonly string[] Stages = ["prospecting", "qualified", "proposal"];

    // Higher weighted amount (amount x probability, exact) first, then more findings, then the id in ordinal order.
    private static readonly IComparer<DealHealth> ReviewOrder = Comparer<DealHealth>.Create(
        (a, b) =>
        {
            var byWeight = (b.Amount.Amount * b.Probability).CompareTo(a.Amount.Amount * a.Probability);
            if (byWeight != 0)
            {
                return byWeight;
            }
            var byFindings = b.Findings.Count.CompareTo(a.Findings.Count);
            return byFindings != 0 ? byFindings : string.CompareOrdinal(a.Deal.Value, b.Deal.Value);
        }
    );

    // Few amounts, stages and ages, so that ties on weight and on the number of findings are common. Every deal is
    // older than the 14-day stale limit on 1 April (created 1 to 3 months before), so every deal is at risk; a deal
    // created in January is also past its 31 March close date.
    private static readonly Gen<Deal[]> Pipelines = Gen.ListOf(
            from owner in Gen.Choose(0, 1)
            from amount in Gen.Elements(0m, 100m, 200m, 400m)
            from stage in Gen.Choose(0, 2)
            from month in Gen.Choose(1, 3)
            select (owner, amount, stage, month)
        )
        .Select(specs =>
            specs
                .Select(
                    (s, i) =>
                        DealIn($"D{specs.Count - i:000}", Stages[s.stage], s.amount, Date(3, 31), At(s.month, 1), owner: Owners[s.owner])
                )
                .ToArray()
        );

    [Fact]
    public void Shortlist_IsTheHeadOfAStableSortOfTheDealsAtRisk_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(Pipelines),
                Arb.From(Gen.Choose(1, 8)),
                Arb.From(Gen.Elements<string?>(null, "alice", "bob")),
                (deals, size, owner) =>
                {
                    var report = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { ShortlistSize = size });
                    var inScope = report.Deals.Where(d => owner is null || d.Owner == owner).ToArray();
                    var expected = inScope.OrderBy(d => d, ReviewOrder).Take(size).ToArray();
                    var shortlist = owner is null ? report.Shortlist : report.ShortlistFor(owner);
                    // Weighted total: the exact products summed, rounded once; no total without a deal to take a currency from.
                    Money? total = deals.Length == 0 ? null : Usd(inScope.Sum(d => d.Amount.Amount * d.Probability)).Round();
                    return report.Deals.Count == deals.Length
                        && shortlist.Deals.SequenceEqual(expected)
                        && (shortlist.AtRiskDeals, shortlist.WeightedAtRisk, shortlist.Owner, shortlist.Size)
                            == (inScope.Length, total, owner, size);
                }
            )
        );

    [Fact]
    public void Shortlist_TiesOnWeightAndFindings_GoByIdNotByInputOrder()
    {
        // D2 and D1: the same weight (100 x 10% = 10) and one finding each (stale since 1 March), given D2 first.
        // D3: 400 x 10% = 40 ranks first. The ties are listed D1, D2 whatever the input order and size.
        Deal[] deals =
        [
            DealIn("D2", "prospecting", 100m, Date(5, 31), At(3, 1)),
            DealIn("D3", "prospecting", 400m, Date(5, 31), At(3, 1)),
            DealIn("D1", "prospecting", 100m, Date(5, 31), At(3, 1)),
        ];

        var two = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { ShortlistSize = 2 });
        var three = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { ShortlistSize = 3 });

        Assert.Equal(["D3", "D1"], two.Shortlist.Deals.Select(d => d.Deal.Value));
        Assert.Equal(["D3", "D1", "D2"], three.Shortlist.Deals.Select(d => d.Deal.Value));
        Assert.Equal(["D1", "D2", "D3"], three.Deals.Select(d => d.Deal.Value));
    }

    [Fact]
    public void ShortlistFor_TheLargestSize_ReturnsEveryDealAtRisk()
    {
        // Two stale deals (created 1 March, 31 days untouched): asking for int.MaxValue deals gives both, ranked
        // (D2 500 x 10% = 50 before D1 100 x 10% = 10), without sizing anything by int.MaxValue.
        Deal[] deals = [DealIn("D1", "prospecting", 100m, Date(5, 31), At(3, 1)), DealIn("D2", "prospecting", 500m, Date(5, 31), At(3, 1))];

        var report = PipelineHealth.Inspect(deals, Pipeline, AsOf, HealthPolicy.Default with { ShortlistSize = int.MaxValue });

        Assert.Equal(["D2", "D1"], report.Shortlist.Deals.Select(d => d.Deal.Value));
        Assert.Equal(["D2", "D1"], report.ShortlistFor("alice", int.MaxValue).Deals.Select(d => d.Deal.Value));
    }
}
