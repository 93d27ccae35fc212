using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Deals;

// Valid import records drawn from a seed: any status, 0 to 4 known open stages (consecutive ones differ), a close that
// the history may or may not include, overrides on some open deals. Shared by the import properties and the 10,000-deal
// metric test, which recompute everything from the records themselves.
internal static class ImportRecords
{
    public static readonly Instant Created = DealFixtures.T0;
    public static readonly Instant AsOf = DealFixtures.T0.Plus(Duration.FromDays(400));

    private static readonly LossReason?[] Reasons = [null, LossReason.Price, LossReason.Competitor];

    public static DealImport Draw(Random rng, PipelineDefinition pipeline, string id)
    {
        var open = pipeline.OpenStages;
        var created = Created.Plus(Duration.FromHours(rng.Next(0, 24 * 200)));
        var status = (DealStatus)rng.Next(3);
        var t = created.Plus(Duration.FromHours(rng.Next(0, 48)));
        var history = new List<StageEntry>();
        var previous = -1;
        for (var i = rng.Next(0, 5); i > 0; i--)
        {
            var s = rng.Next(open.Count);
            s = s == previous ? (s + 1) % open.Count : s;
            history.Add(new StageEntry(open[s].Id, t, rng.Next(2) == 0 ? null : "rep"));
            t = t.Plus(Duration.FromHours(rng.Next(0, 100)));
            previous = s;
        }
        var record = new DealImport
        {
            Id = new DealId(id),
            Name = rng.Next(4) == 0 ? null : $"Deal {id}",
            Owner = $"rep-{rng.Next(5)}",
            Amount = Money.FromMinorUnits(rng.Next(0, 10_000_000), Currency.USD),
            StageId = open[previous >= 0 ? previous : rng.Next(open.Count)].Id,
            ExpectedClose = created.InUtc().Date.PlusDays(rng.Next(0, 200)),
            CreatedAt = created,
            History = history,
        };
        if (status == DealStatus.Open)
        {
            return record with
            {
                ProbabilityOverride = rng.Next(3) == 0 ? rng.Next(0, 101) / 100m : null,
                CategoryOverride = rng.Next(3) == 0 ? (ForecastCategory)rng.Next(0, 4) : null,
                StageEnteredAt =
                    rng.Next(2) == 0 ? null
                    : history.Count > 0 ? history[^1].EnteredAt
                    : t,
            };
        }
        var closing = status == DealStatus.Won ? pipeline.WonStage : pipeline.LostStage;
        if (history.Count > 0 && rng.Next(2) == 0)
        {
            history.Add(new StageEntry(closing.Id, t));
        }
        var lost = status == DealStatus.Lost;
        return record with
        {
            StageId = closing.Id,
            Status = status,
            ClosedAt = t,
            LossReason = lost ? Reasons[rng.Next(Reasons.Length)] : null,
            Competitor = lost && rng.Next(2) == 0 ? "Globex" : null,
        };
    }

    // The stage of every entry, in order, plus the close when the history lacks it (or the one stage known when none).
    public static IReadOnlyList<string> ExpectedStages(DealImport record)
    {
        var stages = record.History.Select(e => e.StageId).ToList();
        if (stages.Count == 0 || stages[^1] != record.StageId)
        {
            stages.Add(record.StageId);
        }
        return stages;
    }
}
