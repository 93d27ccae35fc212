using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Statistics;

namespace SalesPipeline.Tests.Statistics;

public class CompetitionRankingTests
{
    [Fact]
    public void Rank_Ties_ShareTheRankAndTheNextRankSkips()
    {
        // Scores 7, 5, 5, 3, 3, 3, 1: standard competition ranking ("1224") gives 1, 2, 2, 4, 4, 4, 7.
        (string Id, int Score)[] items = [("g", 1), ("b", 5), ("f", 3), ("a", 7), ("e", 3), ("c", 5), ("d", 3)];

        var ranked = CompetitionRanking.Rank(items, i => i.Score, i => i.Id);

        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], ranked.Select(r => r.Item.Id));
        Assert.Equal([1, 2, 2, 4, 4, 4, 7], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_TupleScore_TiesOnlyWhenBothPartsAreEqual()
    {
        // (10, 2) and (10, 2) tie; (10, 1) is below them on the secondary score; ids are ordinal ("B" < "a").
        (string Id, (int, int) Score)[] items = [("a", (10, 1)), ("c", (10, 2)), ("B", (10, 2)), ("d", (20, 0))];

        var ranked = CompetitionRanking.Rank(items, i => i.Score, i => i.Id);

        Assert.Equal([("d", 1), ("B", 2), ("c", 2), ("a", 4)], ranked.Select(r => (r.Item.Id, r.Rank)));
    }

    [Fact]
    public void Rank_Empty_IsEmpty() => Assert.Empty(CompetitionRanking.Rank(Array.Empty<int>(), i => i, i => i.ToString()));

    [Fact]
    public void Rank_IsOnePlusTheNumberOfStrictlyHigherScores() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, 5).ArrayOf().ToArbitrary(),
                scores =>
                {
                    var items = scores.Select((s, i) => (Id: $"id{i:D3}", Score: s)).ToArray();
                    var ranked = CompetitionRanking.Rank(items, i => i.Score, i => i.Id);
                    return ranked.Length == items.Length
                        && ranked.All(r => r.Rank == 1 + items.Count(i => i.Score > r.Item.Score))
                        && ranked
                            .Zip(ranked.Skip(1))
                            .All(p =>
                                p.First.Item.Score > p.Second.Item.Score
                                || (
                                    p.First.Item.Score == p.Second.Item.Score
                                    && string.CompareOrdinal(p.First.Item.Id, p.Second.Item.Id) < 0
                                )
                            );
                }
            )
        );
}
