using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// The value semantics and texts of the report's parts: every field takes part in equality, and the texts are pinned.
public sealed class HealthValueTests
{
    private static readonly HealthFinding Stale = new(
        FindingKind.Stale,
        HealthSubject.Deal,
        20m,
        14m,
        HealthUnit.Days,
        new DealId("D1"),
        null,
        "prospecting",
        "alice"
    );

    private static Deal Opened(string id = "D1", string name = "D1", string owner = "alice") =>
        Deal.Open(Pipeline, new DealId(id), name, owner, Usd(60_000m), Date(5, 31), At(3, 1));

    private static DealHealth Health(Deal deal, decimal amount = 60_000m, decimal probability = 0.1m, HealthFinding[]? findings = null) =>
        new(deal, Usd(amount), probability, (findings ?? [Stale]).AsReadOnly());

    [Fact]
    public void DealHealth_Equality_NeedsEveryFieldEqual()
    {
        var qualified = DealIn("D1", "qualified", 60_000m, Date(5, 31), At(3, 1)); // named "D1", owned by alice
        var same = Health(Opened());

        Assert.Equal(same, Health(Opened()));
        Assert.Equal(same.GetHashCode(), Health(Opened()).GetHashCode());
        Assert.False(same.Equals(null));
        Assert.NotEqual(same, Health(Opened(id: "D2"))); // the deal id alone differs
        Assert.NotEqual(same, Health(Opened(name: "Acme"))); // the name
        Assert.NotEqual(same, Health(Opened(owner: "bob"))); // the owner
        Assert.NotEqual(same, Health(qualified)); // the stage
        Assert.NotEqual(same, Health(Opened(), amount: 60_000.01m)); // the amount
        Assert.NotEqual(same, Health(Opened(), probability: 0.11m)); // the probability
        Assert.NotEqual(same, Health(Opened(), findings: [Stale, Stale])); // the findings: one more
        Assert.NotEqual(
            same,
            Health(Opened(), findings: [new HealthFinding(FindingKind.Stale, HealthSubject.Deal, 21m, 14m, HealthUnit.Days)])
        );
    }

    [Fact]
    public void DealHealth_ToString_ListsTheFiguresAndEveryReason()
    {
        // Created 1 March in Prospecting, untouched since: 31 days > 14 (stale) and 31 days in the stage > 30 (rotting).
        // Weighted 60,000 x 10% = 6,000.
        var deal = DealIn("R", "prospecting", 60_000m, Date(5, 31), At(3, 1));

        var health = PipelineHealth.Inspect([deal], Pipeline, AsOf).Deals.Single();

        Assert.Equal(
            "R R | alice | prospecting | USD 60,000.00 x 10% = USD 6,000.00 | No touch for 31 days (limit 14 days). In stage prospecting for 31 days (limit 30 days).",
            health.ToString()
        );
    }

    [Fact]
    public void HealthFinding_ToString_NamesItsSubject()
    {
        // 11 open deals created 30 March: 5 in Prospecting (5 / 11 = 45.45...% > 40%, shown rounded up as 45.5%), 6 in
        // Negotiation (late: 6 / 11 = 54.54...% > 50%, shown 54.6%; also 54.6% > 40%). One stale deal (created 1 March),
        // one lead created 20 March (12 days untouched).
        Deal[] deals =
        [
            .. Enumerable.Range(0, 5).Select(i => DealIn($"p{i}", "prospecting", 1_000m, Date(6, 30), At(3, 30))),
            .. Enumerable.Range(0, 5).Select(i => DealIn($"n{i}", "negotiation", 1_000m, Date(6, 30), At(3, 30))),
            DealIn("old", "negotiation", 1_000m, Date(6, 30), At(3, 1)),
        ];
        var lead = Lead.Create(new LeadId("L1"), "Lead", LeadSource.Web, "bob", At(3, 20));
        var policy = HealthPolicy.Default with { TypicalWonCycle = Duration.FromDays(90) };

        var report = PipelineHealth.Inspect(deals, Pipeline, AsOf, policy, ActivityIndex.Empty, [lead]);

        Assert.Equal(
            [
                "pipeline: 6 of the 11 open deals (54.6%) are in the late stages proposal, negotiation (limit 50%).",
                "stage prospecting: 5 of the 11 open deals (45.5%) are in stage prospecting (limit 40%).",
                "stage negotiation: 6 of the 11 open deals (54.6%) are in stage negotiation (limit 40%).",
                "old: No touch for 31 days (limit 14 days).",
                "old: In stage negotiation for 31 days (limit 30 days).",
                "L1: Never touched since it arrived 12 days ago (limit 2 days).",
            ],
            report.Findings.Select(f => f.ToString())
        );
    }

    private static CoverageResult Coverage(decimal target)
    {
        // Won 100,000 on 1 April 08:00 (in Q2); open 350,000 expected 15 May (in Q2). Win rate 30%.
        Deal[] deals =
        [
            Pipeline.Win(DealIn("W", "negotiation", 100_000m, Date(4, 30), At(3, 1)), At(4, 1, 8), "alice"),
            DealIn("C1", "proposal", 350_000m, Date(5, 15), At(3, 30)),
        ];
        var inputs = new HealthInputs { Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Usd(target), 0.3m) };
        return PipelineHealth.Inspect(deals, Pipeline, AsOf, null, inputs).Coverage!;
    }

    [Fact]
    public void CoverageResult_ToString_RoundsTheCoverageDown()
    {
        // Remaining 400,000 - 100,000 = 300,000; coverage 350,000 / 300,000 = 1.1666...x, shown rounded down as 1.16x;
        // required 1 / 0.3 = 3.333...x, shown 3.33x.
        Assert.Equal("2026-Q2: open USD 350,000.00 / remaining USD 300,000.00 = 1.16x (needs 3.33x at 30%)", Coverage(400_000m).ToString());
    }

    [Fact]
    public void CoverageResult_ToString_TargetReached_SaysSo()
    {
        // Target 100,000, won 100,000: nothing remains, so there is no ratio.
        Assert.Equal(
            "2026-Q2: open USD 350,000.00 / remaining USD 0.00 = target reached (needs 3.33x at 30%)",
            Coverage(100_000m).ToString()
        );
    }

    private static ReviewShortlist Shortlist(
        string? owner = "alice",
        int size = 3,
        DealHealth[]? deals = null,
        int atRisk = 2,
        decimal? weighted = 12_000m
    ) => new(owner, size, (deals ?? [Health(Opened()), Health(Opened(id: "D2"))]).AsReadOnly(), atRisk, weighted is { } w ? Usd(w) : null);

    [Fact]
    public void ReviewShortlist_Equality_NeedsEveryFieldEqual()
    {
        var same = Shortlist();

        Assert.Equal(same, Shortlist());
        Assert.Equal(same.GetHashCode(), Shortlist().GetHashCode());
        Assert.False(same.Equals(null));
        Assert.NotEqual(same, Shortlist(owner: null)); // the owner alone differs
        Assert.NotEqual(same, Shortlist(size: 4)); // the size
        Assert.NotEqual(same, Shortlist(atRisk: 3)); // the count at risk
        Assert.NotEqual(same, Shortlist(weighted: 12_000.01m)); // the weighted total
        Assert.NotEqual(same, Shortlist(weighted: null)); // no total
        Assert.NotEqual(same, Shortlist(deals: [Health(Opened(id: "D2")), Health(Opened())])); // the deals' order
        Assert.NotEqual(same, Shortlist(deals: [Health(Opened())])); // one deal fewer
    }
}
