using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Metrics;

/// <summary>A generated deal, as plain data: how it ends and when, so tests can compute expected figures by hand.</summary>
internal sealed record DealSpec(
    int Index,
    string Owner,
    int Outcome, // 0 open, 1 won, 2 lost
    long Cents,
    int CreatedDay,
    int ClosedDay,
    string[] Competitors,
    string? LostTo,
    string Reason,
    int StageReached,
    string? Source,
    string? Product
);

// Deals for the metric tests, built through the real state machine on a pipeline without exit criteria.
internal static class MetricDeals
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Metrics")
        .Stage("Prospecting", 0.10m)
        .Stage("Qualified", 0.25m)
        .Stage("Proposal", 0.50m)
        .Won("Won")
        .Lost("Lost")
        .Build();

    public static readonly string[] Stages = ["prospecting", "qualified", "proposal"];

    /// <summary>2026-01-01T00:00Z: day 0 of the tests' calendar.</summary>
    public static readonly Instant Day0 = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static Instant Day(int day, int hour = 12) => Day0.Plus(Duration.FromDays(day) + Duration.FromHours(hour));

    // Company > EMEA > DACH; alice in DACH, bob in EMEA, carol in AMER, zoe at company level.
    public static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA")
        .Team("dach", "DACH", parent: "emea")
        .Team("amer", "AMER")
        .Rep("alice", "Alice", "dach")
        .Rep("bob", "Bob", "emea")
        .Rep("carol", "Carol", "amer")
        .Admin("zoe", "Zoe")
        .Build();

    public static Deal Open(
        string id,
        string owner,
        decimal amount,
        int createdDay = 0,
        string[]? competitors = null,
        Currency? currency = null,
        string? source = null,
        string? product = null,
        int stage = 0
    )
    {
        var deal = Deal.Open(
            Pipeline,
            new DealId(id),
            "Deal " + id,
            owner,
            Money.Of(amount, currency ?? Currency.USD),
            new LocalDate(2026, 12, 31),
            Day(createdDay, 0),
            source: source is null ? null : new LeadSource(source),
            product: product
        );
        for (var s = 1; s <= stage; s++)
        {
            deal = Pipeline.Move(deal, Stages[s], Day(createdDay, s), owner);
        }
        foreach (var competitor in competitors ?? [])
        {
            deal = Pipeline.ApplyOrThrow(deal, DealCommand.NoteCompetitor(competitor, Day(createdDay, 5), owner));
        }
        return deal;
    }

    public static Deal Won(
        string id,
        string owner,
        decimal amount,
        int closedDay,
        int createdDay = 0,
        string[]? competitors = null,
        Currency? currency = null,
        string? source = null,
        string? product = null
    ) => Pipeline.Win(Open(id, owner, amount, createdDay, competitors, currency, source, product), Day(closedDay), owner);

    public static Deal Lost(
        string id,
        string owner,
        decimal amount,
        int closedDay,
        LossReason? reason = null,
        string? lostTo = null,
        int createdDay = 0,
        string[]? competitors = null,
        int stage = 0,
        Currency? currency = null
    ) =>
        Pipeline.Lose(
            Open(id, owner, amount, createdDay, competitors, currency, stage: stage),
            reason ?? LossReason.Price,
            Day(closedDay),
            owner,
            lostTo
        );

    public static Deal Build(DealSpec s)
    {
        var id = "G-" + s.Index;
        var deal = Open(
            id,
            s.Owner,
            s.Cents / 100m,
            s.CreatedDay,
            s.Competitors,
            source: s.Source,
            product: s.Product,
            stage: s.StageReached
        );
        return s.Outcome switch
        {
            1 => Pipeline.Win(deal, Day(s.ClosedDay), s.Owner),
            2 => Pipeline.Lose(deal, new LossReason(s.Reason), Day(s.ClosedDay), s.Owner, s.LostTo),
            _ => deal,
        };
    }

    public static readonly string[] Owners = ["alice", "bob", "carol", "zoe", "xavier"];
    public static readonly string[] CompetitorNames = ["Globex", "Initech", "Umbrella"];

    public static Gen<DealSpec> SpecGen(int index) =>
        from owner in Gen.Elements(Owners)
        from outcome in Gen.Choose(0, 2)
        from cents in Gen.Choose(0, 5_000_000)
        from created in Gen.Choose(0, 200)
        from length in Gen.Choose(0, 150)
        from competitors in Gen.SubListOf(CompetitorNames)
        from lostTo in Gen.Elements<string?>(null, "Globex", "Initech", "Acme Rival")
        from reason in Gen.Elements("price", "timing", "competitor", "no-decision")
        from stage in Gen.Choose(0, 2)
        from source in Gen.Elements<string?>(null, "web", "referral")
        from product in Gen.Elements<string?>(null, "crm", "erp")
        select new DealSpec(
            index,
            owner,
            outcome,
            cents,
            created,
            created + length,
            competitors.ToArray(),
            lostTo,
            reason,
            stage,
            source,
            product
        );

    public static Gen<DealSpec[]> SpecsGen =>
        from n in Gen.Choose(0, 30)
        from specs in Gen.CollectToArray(Enumerable.Range(0, n), SpecGen)
        select specs;

    /// <summary>Generated deals and a split point (for merge(split) == whole).</summary>
    public static Arbitrary<(DealSpec[] Specs, int Cut)> SplitSpecs =>
        (from specs in SpecsGen from cut in Gen.Choose(0, specs.Length) select (specs, cut)).ToArbitrary();

    /// <summary>Generated deals and a permutation seed.</summary>
    public static Arbitrary<(DealSpec[] Specs, int Seed)> ShuffledSpecs =>
        (from specs in SpecsGen from seed in Gen.Choose(0, int.MaxValue) select (specs, seed)).ToArbitrary();

    public static T[] Shuffle<T>(T[] items, int seed)
    {
        var copy = items.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}
