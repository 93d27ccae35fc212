using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests.Support;

// Valid DealImport records of the default pipeline, each decoded from twelve generated numbers: how far it got, how it
// ended, when it was created (with fractions of a second), how long each stage took, its amount and currency, its
// owner, name (plain, or with commas, quotes and line breaks), overrides, and whether its history is known.
internal static class DealGen
{
    // Every generated instant is before this: created by 2025-08-23, plus at most five stays of 500 hours.
    public static readonly Instant AsOf = Instant.FromUtc(2026, 6, 1, 0, 0);

    private static readonly string[] OpenStages = ["prospecting", "qualified", "proposal", "negotiation"];
    private static readonly Currency[] Currencies = [Currency.USD, Currency.EUR, Currency.KWD];

    public static Gen<DealImport[]> Deals =>
        Gen.Choose(0, 25)
            .SelectMany(n => Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1_000_000), 12), n))
            .Select(specs => specs.Select(Decode).ToArray());

    public static DealImport Decode(int[] v, int index)
    {
        var id = new DealId($"D{index:D4}");
        var reached = 1 + v[0] % 4;
        var outcome = v[1] % 3;
        var created =
            Instant.FromUtc(2024, 1, 1, 0, 0)
            + Duration.FromDays(v[2] % 600)
            + Duration.FromSeconds(v[3] % 86_400)
            + Duration.FromNanoseconds(v[4] % 3 == 0 ? v[4] * 1_000L : 0);
        var withHistory = v[11] % 7 != 0;
        var entries = new List<StageEntry> { new("prospecting", created, v[11] % 2 == 0 ? null : $"rep{v[11] % 3}") };
        var at = created;
        for (var s = 1; s < reached; s++)
        {
            at += Duration.FromHours(1 + v[4 + s] % 500);
            entries.Add(new StageEntry(OpenStages[s], at, null));
        }
        var closedAt = at + Duration.FromHours(1 + v[9] % 500);
        var status = outcome switch
        {
            1 => DealStatus.Won,
            2 => DealStatus.Lost,
            _ => DealStatus.Open,
        };
        if (status != DealStatus.Open && v[9] % 2 == 0)
        {
            // The close is in the history too (otherwise the import adds it from closed_at).
            entries.Add(new StageEntry(status == DealStatus.Won ? "won" : "lost", closedAt, null));
        }
        var currency = Currencies[v[10] % 3];
        var open = status == DealStatus.Open;
        var overrides = open && v[11] % 5 == 0;
        return new DealImport
        {
            Id = id,
            Name = (v[11] % 4) switch
            {
                0 => null,
                1 => $"Acme {index}",
                2 => $"Acme, Inc. \"{index}\"",
                _ => $"Two\nlines {index}",
            },
            Owner = $"rep{v[11] % 5}",
            Amount = Money.Of(v[10] % 100_000_000 / 100m, currency),
            StageId = status switch
            {
                DealStatus.Won => "won",
                DealStatus.Lost => "lost",
                _ => OpenStages[reached - 1],
            },
            Status = status,
            CreatedAt = created,
            ExpectedClose = created.InUtc().Date.PlusDays(60),
            ClosedAt = open ? null : closedAt,
            LossReason = status == DealStatus.Lost && v[0] % 2 == 0 ? LossReason.Price : null,
            Competitor = status == DealStatus.Lost && v[1] % 2 == 0 ? "Initech" : null,
            Source = v[2] % 3 == 0 ? LeadSource.Referral : null,
            Product = v[3] % 3 == 0 ? "plus" : null,
            LeadId = v[5] % 4 == 0 ? new LeadId($"L{index}") : null,
            ProbabilityOverride = overrides ? v[6] % 101 / 100m : null,
            CategoryOverride = overrides ? (ForecastCategory)(v[7] % 4) : null,
            StageEnteredAt = open && !withHistory && v[8] % 2 == 0 ? at : null,
            History = withHistory ? entries : [],
        };
    }
}
