using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;
using static SalesPipeline.Tests.Deals.ImportTests;

namespace SalesPipeline.Tests.Deals;

// A deal imported while it waits in a pool: DealImport.Owner null with its Team and InPoolSince; the rules that keep a
// decided deal out of pools.
public sealed class ImportPoolTests
{
    private static DealImport Pooled(string? team = "emea") => Record() with { Owner = null, Team = team };

    [Fact]
    public void A_record_without_an_owner_is_imported_in_its_pool_since_its_creation()
    {
        // Created at T0, observed in proposal at the export (AsOfImport = T0 + 60 days), no owner change: it never had a rep.
        var deal = Default.Import(Pooled(), AsOfImport);

        var imported = Assert.IsType<DealImported>(Assert.Single(deal.Events));
        Assert.Equal(((string?)null, "emea", (Instant?)T0), (imported.Owner, imported.Team, imported.InPoolSince));
        Assert.Equal(((string?)null, "emea", (Instant?)T0, true), (deal.Owner, deal.Team, deal.InPoolSince, deal.IsInPool));
        Assert.Equal(deal, Deal.FromEvents(Default, deal.Events));
    }

    [Fact]
    public void A_record_in_the_company_pool_has_no_team_and_keeps_its_given_pool_entry()
    {
        var deal = Default.Import(Pooled(team: null) with { InPoolSince = H(30) }, AsOfImport);

        Assert.Equal(((string?)null, (string?)null, (Instant?)H(30)), (deal.Owner, deal.Team, deal.InPoolSince));
        // Assigning a rep takes it out of the pool like any pooled deal.
        var assigned = Default.Apply(deal, DealCommand.Reassign("bob", H(24 * 61), "lead")).Deal;
        Assert.Equal(("bob", (Instant?)null), (assigned.Owner!, assigned.InPoolSince));
    }

    [Fact]
    public void An_owned_record_may_name_the_team_it_last_passed_through()
    {
        var deal = Default.Import(Record() with { Team = "emea" }, AsOfImport);

        Assert.Equal(("alice", "emea", (Instant?)null, false), (deal.Owner!, deal.Team, deal.InPoolSince, deal.IsInPool));
    }

    [Fact]
    public void A_record_pooled_after_its_first_observation_is_owned_until_then_and_pooled_after_its_owner_changes()
    {
        // Observed entering proposal at H(2); alice handed it to bob at H(10); bob's leaving put it in emea's pool at H(20).
        var record = Pooled() with
        {
            History = [new StageEntry("proposal", H(2))],
            OwnerChanges = [new FieldChange<string>(H(10), "alice", "bob", "ops")],
            InPoolSince = H(20),
            By = "crm-sync",
        };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal("alice", Assert.IsType<DealImported>(deal.Events[0]).Owner);
        Assert.Null(((DealImported)deal.Events[0]).Team);
        Assert.Equal(new DealAssignedToPool(record.Id, H(20), "crm-sync", "emea"), deal.Events[^1]);
        Assert.Equal(((string?)null, "emea", (Instant?)H(20)), (deal.Owner, deal.Team, deal.InPoolSince));
        Assert.Equal("bob", deal.AsOf(H(15)).Owner);
    }

    [Fact]
    public void A_record_pooled_after_its_first_observation_without_owner_changes_was_owned_by_someone_unknown()
    {
        // Observed in proposal at H(2), lost at H(5), reopened at H(6), in emea's pool since H(24): someone owned it when
        // it was lost, and the record does not say who.
        var record = Pooled() with
        {
            History = [new StageEntry("proposal", H(2)), new StageEntry("lost", H(5)), new StageEntry("proposal", H(6))],
            InPoolSince = H(24),
        };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal(Unknown.Actor, Assert.IsType<DealImported>(deal.Events[0]).Owner);
        Assert.Equal(((string?)null, "emea", (Instant?)H(24)), (deal.Owner, deal.Team, deal.InPoolSince));
        Assert.Equal(Unknown.Actor, deal.AsOf(H(5)).Owner);
    }

    [Theory]
    [InlineData("won")]
    [InlineData("lost")]
    public void A_decided_record_without_an_owner_is_refused(string stage)
    {
        var status = stage == "won" ? DealStatus.Won : DealStatus.Lost;
        var record = Pooled() with { StageId = stage, Status = status, ClosedAt = H(5) };

        var ex = Assert.Throws<DealImportException>(() => Default.Import(record, AsOfImport));

        Assert.Equal("record", ex.ParamName);
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("Owner", "null"), (error.Field, error.Value));
        Assert.Contains($"A {stage} deal is never in a pool", error.Rule, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BadPoolRecords =>
        new()
        {
            { "owned-with-entry", "InPoolSince", "2026-03-03T09:00:00Z", "Only a deal waiting in a pool" },
            { "blank-team", "Team", "\" \"", "not empty when given" },
            { "entry-before-creation", "InPoolSince", "2026-03-02T08:00:00Z", "lies between its CreatedAt" },
            { "decided-in-pool", "InPoolSince", "2026-03-02T09:00:00Z", "its history loses it at 2026-03-02T14:00:00Z" },
            { "changes-while-pooled", "OwnerChanges[0]", "\"bob\"", "its owner changes need an InPoolSince after the last of them" },
            { "entry-before-last-change", "InPoolSince", "2026-03-02T14:00:00Z", "after its last owner change" },
        };

    [Theory]
    [MemberData(nameof(BadPoolRecords))]
    public void A_pool_rule_broken_is_refused_naming_the_field_value_and_rule(string bad, string field, string value, string rule)
    {
        var observed = new StageEntry("proposal", H(2));
        var toBob = new FieldChange<string>(H(10), "alice", "bob");
        var record = bad switch
        {
            "owned-with-entry" => Record() with { InPoolSince = H(24) },
            "blank-team" => Pooled(" "),
            "entry-before-creation" => Pooled() with { InPoolSince = H(-1) },
            // In the pool since its creation, yet lost at H(5) (and reopened at H(6)).
            "decided-in-pool" => Pooled() with { History = [observed, new StageEntry("lost", H(5)), new StageEntry("proposal", H(6))] },
            // In the pool since its creation (T0), yet handed from alice to bob at H(10).
            "changes-while-pooled" => Pooled() with { History = [observed], OwnerChanges = [toBob] },
            _ => Pooled() with { History = [observed], OwnerChanges = [toBob], InPoolSince = H(5) },
        };

        var result = Default.Import([record], AsOfImport);

        var error = Assert.Single(result.Errors);
        Assert.Equal((field, value), (error.Field, error.Value));
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        Assert.Throws<DealImportException>(() => Default.Import(record, AsOfImport));
    }

    [Fact]
    public void A_stored_decided_DealImported_without_an_owner_is_refused_by_the_fold()
    {
        var won = new DealImported(new DealId("X"), H(2), "ops", "default", "X", null, Amount, Close, "won", DealStatus.Won, T0, true);

        var ex = Assert.ThrowsAny<ArgumentException>(() => Deal.FromEvents([won]));

        Assert.Contains("a won deal has no owner", ex.Message, StringComparison.Ordinal);
    }

    private static Arbitrary<(int Seed, int Pipeline)> Seeds =>
        (from seed in Gen.Choose(0, int.MaxValue) from p in Gen.Choose(0, 1) select (seed, p)).ToArbitrary();

    // Importing a deal that has waited in a pool since it was created, observed entering its first stage then, is the same
    // deal as one opened in that pool with the same facts: the same state, and the same after a rep is assigned.
    [Fact]
    public void Importing_a_pooled_deal_equals_opening_it_in_the_pool_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var rng = new Random(x.Seed);
                    var pipeline = x.Pipeline == 0 ? PipelineDefinition.Default : Multi();
                    var team = new[] { null, "emea", "apac" }[rng.Next(3)];
                    var at = T0.Plus(Duration.FromMinutes(rng.Next(0, 500_000)));
                    var amount = Money.FromMinorUnits(rng.Next(0, 10_000_000), Currency.EUR);
                    var close = at.InUtc().Date.PlusDays(rng.Next(0, 365));
                    var id = new DealId($"P-{x.Seed}");
                    var imported = pipeline.Import(
                        new DealImport
                        {
                            Id = id,
                            Name = "Pooled",
                            Team = team,
                            Amount = amount,
                            StageId = pipeline.FirstOpenStage.Id,
                            ExpectedClose = close,
                            CreatedAt = at,
                            StageEnteredAt = at,
                            By = "ops",
                        },
                        at.Plus(Duration.FromDays(rng.Next(0, 30)))
                    );
                    var opened = Deal.OpenInPool(pipeline, id, "Pooled", team, amount, close, at, "ops");
                    var assignAt = at.Plus(Duration.FromHours(rng.Next(1, 1000)));
                    var (a, b) = (
                        pipeline.Apply(imported, DealCommand.Reassign("rep", assignAt, "lead")).Deal,
                        pipeline.Apply(opened, DealCommand.Reassign("rep", assignAt, "lead")).Deal
                    );
                    return State(imported).Equals(State(opened)) && State(a).Equals(State(b)) && imported.IsInPool && !a.IsInPool;
                }
            )
        );

    // Any record of ImportRecords without its owner: an open one is imported in its pool (since its creation, the default,
    // or since a drawn instant up to its first observation), the same deal folds back from its events and the history's
    // stages are those of the owned record; a won or lost one is refused on Owner and nothing else.
    [Fact]
    public void A_record_without_an_owner_is_pooled_when_open_and_refused_when_decided_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var rng = new Random(x.Seed);
                    var pipeline = x.Pipeline == 0 ? PipelineDefinition.Default : Multi();
                    var owned = ImportRecords.Draw(rng, pipeline, "P-1");
                    var team = rng.Next(2) == 0 ? null : "emea";
                    var pooled = owned with { Owner = null, Team = team };
                    var result = pipeline.Import([pooled], ImportRecords.AsOf);
                    if (owned.Status != DealStatus.Open)
                    {
                        var error = Assert.Single(result.Errors);
                        return error.Field == "Owner" && error.Value == "null" && result.Accepted == 0;
                    }
                    var first = pipeline.Import(owned, ImportRecords.AsOf).Events[0].At;
                    var since = rng.Next(2) == 0 ? (Instant?)null : owned.CreatedAt + (first - owned.CreatedAt) / 2;
                    var deal = pipeline.Import(pooled with { InPoolSince = since }, ImportRecords.AsOf);
                    var reference = pipeline.Import(owned, ImportRecords.AsOf);
                    return deal.Owner is null
                        && deal.Team == team
                        && deal.InPoolSince == (since ?? owned.CreatedAt)
                        && Deal.FromEvents(deal.Events).Equals(deal)
                        && deal.History.Select(e => e.GetType()).SequenceEqual(reference.History.Select(e => e.GetType()))
                        && (deal.StageId, deal.Amount, deal.StageEnteredAt)
                            == (reference.StageId, reference.Amount, reference.StageEnteredAt);
                }
            )
        );

    private static object State(Deal d) =>
        (
            d.Owner,
            d.Team,
            d.InPoolSince,
            d.StageId,
            d.StageEnteredAt,
            d.Status,
            d.Amount,
            d.ExpectedClose,
            d.CreatedAt,
            d.CreatedBy,
            (d.Name, d.LastOpenStageId, d.ClosedAt)
        );
}
