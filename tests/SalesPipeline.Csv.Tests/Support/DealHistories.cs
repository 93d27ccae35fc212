using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests;

// Deals of the default pipeline with histories that hold every kind of DealEvent (shared with the Parquet, JSON and
// storage tests): opened deals (some created into a team's or the company pool, some with a customer) walked through
// random commands (each kept only when the pipeline accepts it; stops, resumes, pooling, customer changes, comments, and
// causes on some commands included), and imported deals, some with changes of their amount, close date and owner, some
// walked on after the import. ClassicDeals leaves out everything issue 13 added (pools, customers, stops, comments,
// causes), for the formats that do not hold all of it. Instants fall between 1901
// and 2099 (before and after 1970, so negative timestamps too) to the microsecond; amounts have 0 to 6 decimals and up
// to 15 digits before the point.
internal static class DealHistories
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    private static readonly string[] Stages = ["prospecting", "qualified", "proposal", "negotiation"];
    private static readonly string[] Criteria = ["use-case", "technical-fit", "budget"];
    private static readonly Currency[] Currencies = [Currency.USD, Currency.EUR, Currency.JPY, Currency.KWD];

    private static readonly StopReason[] StopReasons = [StopReason.OnHold, StopReason.BudgetFrozen, new("legal-review")];

    public static Gen<Deal[]> Deals => Of(rich: true);

    public static Gen<Deal[]> ClassicDeals => Of(rich: false);

    private static Gen<Deal[]> Of(bool rich) =>
        Gen.Choose(0, 12)
            .SelectMany(n => Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, int.MaxValue - 1), 40), n))
            .Select(specs => specs.Select((v, i) => v[0] % 4 == 0 ? Imported(v, i, rich) : Walked(v, i, rich)).ToArray());

    // Account ids and names with the characters a CSV or SQL writer must quote.
    private static Customer CustomerOf(int r) =>
        new(
            $"ACC-{r % 3}",
            (r / 3 % 3) switch
            {
                0 => "Acme, Inc.",
                1 => "Globex \"EU\"",
                _ => "Initech; Ünïcode",
            }
        );

    private static Instant Start(int[] v) =>
        Instant.FromUtc(1901, 1, 1, 0, 0)
        + Duration.FromDays(v[1] % 72_000)
        + Duration.FromSeconds(v[2] % 86_400)
        + Micros(v[2] % 1_000_000);

    private static Duration Micros(long micros) => Duration.FromTicks(micros * 10);

    private static Money Amount(int a, int b) =>
        Money.Of(new decimal(a, b % 1000, 0, false, (byte)(b % 7)), Currencies[b % Currencies.Length]);

    private static Deal Walked(int[] v, int index, bool rich)
    {
        var at = Start(v);
        var customer = rich && v[12] % 2 == 0 ? CustomerOf(v[12] / 2) : null;
        if (rich && v[4] % 5 == 0)
        {
            // Created into a pool: a team's, or the company's (no team).
            var pooled = Deal.OpenInPool(
                Pipeline,
                new DealId($"W{index}"),
                $"Pooled é {index}",
                v[4] / 5 % 3 == 0 ? null : $"team{v[4] / 5 % 3}",
                Amount(v[5], v[6]),
                at.InUtc().Date.PlusDays(v[7] % 200),
                at,
                "ops",
                v[9] % 3 == 0 ? new LeadId($"L{index}") : null,
                v[10] % 3 == 0 ? LeadSource.Referral : null,
                v[11] % 2 == 0 ? "core" : null,
                customer
            );
            return Walk(pooled, at, v, 13, rich);
        }
        var deal = Deal.Open(
            Pipeline,
            new DealId($"W{index}"),
            v[3] % 3 == 0 ? "Acme, Inc. \"HQ\"" : $"Deal é {index}",
            $"rep{v[4] % 4}",
            Amount(v[5], v[6]),
            at.InUtc().Date.PlusDays(v[7] % 200),
            at,
            v[8] % 2 == 0 ? null : "ops",
            v[9] % 3 == 0 ? new LeadId($"L{index}") : null,
            v[10] % 3 == 0 ? LeadSource.Referral : null,
            v[11] % 2 == 0 ? "core" : null,
            customer
        );
        return Walk(deal, at, v, 13, rich);
    }

    // Applies commands built from v[from..] one after another (each kept only when the pipeline accepts it), from instant
    // at on; one in five comes at the same instant as the one before, so that events share instants.
    private static Deal Walk(Deal deal, Instant at, int[] v, int from, bool rich)
    {
        var kinds = rich ? 20 : 14;
        for (var s = from; s < v.Length; s++)
        {
            at += v[s] % 5 == 0 ? Duration.Zero : Micros(1 + v[s] % 100_000_000_000L);
            var r = v[s] / kinds; // independent of the choice below
            DealCommand command = (v[s] % kinds) switch
            {
                0 or 1 => DealCommand.Move(Stages[r % 4], at, "alice"),
                2 => DealCommand.Answer(Criteria[r % 3], at, "bob"),
                3 => DealCommand.Withdraw(Criteria[r % 3], at, "bob"),
                4 => DealCommand.ChangeAmountTo(Amount(r, r / 3), at, "carol"),
                5 => DealCommand.ChangeExpectedCloseTo(at.InUtc().Date.PlusDays(r % 90), at, "carol"),
                6 => DealCommand.OverrideProbabilityTo(r % 10_001 / 10_000m, at, "alice"),
                7 => DealCommand.ClearProbability(at, "alice"),
                8 => DealCommand.OverrideCategoryTo((ForecastCategory)(r % 4), at, "alice"),
                9 => DealCommand.ClearCategory(at, "alice"),
                10 => DealCommand.Reassign($"rep{r % 4}", at, "manager"),
                11 => r % 2 == 0
                    ? DealCommand.Win(at, "alice")
                    : DealCommand.Lose(r % 3 == 0 ? null : LossReason.Price, at, "alice", r % 5 == 0 ? null : "Initech"),
                12 => DealCommand.NoteCompetitor(r % 2 == 0 ? "Globex" : "Initech", at, "bob"),
                13 => DealCommand.Reopen(at, "alice"),
                14 => DealCommand.Stop(StopReasons[r % 3], at, "alice"),
                15 => DealCommand.Resume(at, "alice", r % 2 == 0 ? null : Stages[r / 2 % 4]),
                16 => DealCommand.AssignToPool(r % 3 == 0 ? null : $"team{r % 3}", at, "manager"),
                17 => DealCommand.ChangeCustomer(CustomerOf(r), at, "bob"),
                18 => DealCommand.Comment(r % 2 == 0 ? "Call back,\n\"next\" week" : "ok", at, "manager", r % 3 == 0 ? "A-1" : null),
                _ => DealCommand.Reassign($"rep{r % 4}", at, "lead"),
            };
            if (rich && r % 7 == 0)
            {
                command = command with { Cause = $"quote Q-{r % 5} v1" };
            }
            var result = Pipeline.Apply(deal, command);
            if (result.IsAccepted)
            {
                deal = result.Deal;
            }
        }
        return deal;
    }

    private static Deal Imported(int[] v, int index, bool rich)
    {
        var created = Start(v);
        var outcome = v[3] % 3;
        var closedAt = created + Micros(1 + v[4] % 10_000_000_000L);
        var asOf = closedAt + Duration.FromDays(1);
        var open = outcome == 0;
        var withHistory = v[5] % 2 == 0;
        var record = new DealImport
        {
            Id = new DealId($"I{index}"),
            Name = v[6] % 2 == 0 ? null : $"Imported {index}",
            Owner = $"rep{v[7] % 4}",
            Amount = Amount(v[8], v[9]),
            StageId = outcome switch
            {
                1 => "won",
                2 => "lost",
                _ => Stages[v[10] % 4],
            },
            Status = (DealStatus)outcome,
            CreatedAt = created,
            ExpectedClose = created.InUtc().Date.PlusDays(v[11] % 365),
            ClosedAt = open ? null : closedAt,
            LossReason = outcome == 2 && v[12] % 2 == 0 ? LossReason.Budget : null,
            Competitor = outcome == 2 && v[13] % 2 == 0 ? "Initech" : null,
            ProbabilityOverride = open && v[14] % 2 == 0 ? v[15] % 101 / 100m : null,
            CategoryOverride = open && v[16] % 2 == 0 ? ForecastCategory.Commit : null,
            StageEnteredAt = open && !withHistory && v[17] % 2 == 0 ? closedAt : null,
            History = withHistory ? [new StageEntry(open ? Stages[v[10] % 4] : "prospecting", created, "importer")] : [],
            LeadId = v[18] % 2 == 0 ? new LeadId($"L{index}") : null,
            Source = v[19] % 2 == 0 ? LeadSource.Web : null,
            Product = v[20] % 2 == 0 ? "plus" : null,
        };
        if (withHistory && v[22] % 2 == 0)
        {
            // One change of each field between the first observation (the creation) and the close (or a day before asOf).
            var span = (closedAt - created).TotalTicks / 10 + 1;
            Instant At(int x) => created + Micros((long)(x % span));
            var before = Amount(v[23], v[24]);
            record = record with
            {
                AmountChanges = before.Equals(record.Amount) ? [] : [new(At(v[25]), before, record.Amount, "importer")],
                ExpectedCloseChanges = [new(At(v[26]), record.ExpectedClose.PlusDays(1 + v[27] % 30), record.ExpectedClose)],
                OwnerChanges = [new(At(v[28]), $"rep{(v[7] + 1 + v[29] % 3) % 4}", record.Owner, "manager")],
            };
        }
        var deal = Pipeline.Import(record, asOf);
        // Some imported deals are then worked on here: a deal first seen without its entry instant gets moves and changes.
        return v[21] % 2 == 0 ? Walk(deal, asOf, v, 30, rich) : deal;
    }
}
