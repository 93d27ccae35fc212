using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// The one-pass selection of the shortlist against a second method: a stable sort of all candidates, cut to the size.
public sealed class ReviewShortlistSelectTests
{
    private static readonly string[] Owners = ["alice", "bob"];

    private static readonly IComparer<DealHealth> Review = Comparer<DealHealth>.Create(DealHealth.CompareForReview);

    // Few ids, owners, amounts and probabilities, so that ties on weight and findings are common, and the same id may
    // come twice (the only full tie, which a report never holds but the selection must still order).
    private static DealHealth Candidate(int id, int owner, int amount, int probability, int findings)
    {
        var deal = Deal.Open(Pipeline, new DealId($"D{id}"), $"D{id}", Owners[owner], Usd(amount), Date(5, 31), At(3, 1));
        var finding = new HealthFinding(
            FindingKind.Stale,
            HealthSubject.Deal,
            20m,
            14m,
            HealthUnit.Days,
            deal.Id,
            null,
            deal.StageId,
            deal.Owner
        );
        return new DealHealth(deal, Usd(amount), probability / 10m, Enumerable.Repeat(finding, findings).ToArray().AsReadOnly());
    }

    private static readonly Gen<DealHealth> Candidates =
        from id in Gen.Choose(0, 5)
        from owner in Gen.Choose(0, 1)
        from amount in Gen.Elements(0, 100, 200, 400)
        from probability in Gen.Elements(1, 5, 10)
        from findings in Gen.Choose(1, 2)
        select Candidate(id, owner, amount, probability, findings);

    [Fact]
    public void Select_IsTheHeadOfAStableSort_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(Gen.ListOf(Candidates).Select(l => l.ToArray())),
                Arb.From(Gen.Choose(1, 8)),
                Arb.From(Gen.Elements<string?>(null, "alice", "bob")),
                (candidates, size, owner) =>
                {
                    var inScope = candidates.Where(c => owner is null || c.Owner == owner).ToArray();
                    var expected = inScope.OrderBy(c => c, Review).Take(size); // OrderBy is stable: ties keep input order
                    var shortlist = ReviewShortlist.Select(candidates, size, owner, Currency.USD);
                    // Weighted total: the exact products summed, rounded once (amounts are whole, probabilities tenths).
                    var total = Usd(inScope.Sum(c => c.Amount.Amount * c.Probability)).Round();
                    return shortlist.Deals.SequenceEqual(expected, ReferenceEqualityComparer.Instance)
                        && (shortlist.AtRiskDeals, shortlist.WeightedAtRisk, shortlist.Owner, shortlist.Size)
                            == (inScope.Length, total, owner, size);
                }
            )
        );

    [Fact]
    public void Select_FullTies_KeepTheirInputOrderWhateverTheSize()
    {
        // First and second are the same deal D1 with the same weight (100 x 50% = 50) and one finding: a full tie.
        // The first given ranks first, so the top 1 is the head of the top 2.
        var first = Candidate(1, 0, 100, 5, 1);
        var second = Candidate(1, 0, 100, 5, 1);
        var better = Candidate(2, 0, 400, 5, 1); // 200

        Assert.Same(first, ReviewShortlist.Select([first, second], 1, null, Currency.USD).Deals.Single());
        Assert.Equal(
            [first, second],
            ReviewShortlist.Select([first, second], 2, null, Currency.USD).Deals,
            ReferenceEqualityComparer.Instance
        );
        Assert.Equal(
            [better, first, second],
            ReviewShortlist.Select([first, better, second], 3, null, Currency.USD).Deals,
            ReferenceEqualityComparer.Instance
        );
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
