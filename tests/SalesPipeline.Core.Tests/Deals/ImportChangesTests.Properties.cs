using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Deals;

// Invariants of imported field changes over records drawn from random seeds: the valid records of ImportRecords given
// random valid change sequences, and deals built by commands exported to records by a writer of this test's own.
public sealed partial class ImportChangesTests
{
    private static readonly PipelineDefinition[] Pipelines = [PipelineDefinition.Default, DealFixtures.Multi()];

    private static Arbitrary<(int Seed, int Pipeline)> Seeds =>
        (from seed in Gen.Choose(0, int.MaxValue) from p in Gen.Choose(0, 1) select (seed, p)).ToArbitrary();

    private static readonly string[] Owners = ["rep-0", "rep-1", "rep-2", "rep-3", "rep-4", "rep-5"];

    // Where the record's imported history starts (docs/pipelines-and-deals.md, "Imported deals"), and until when its amount
    // and close date may change: asOf while open; its close for a closed deal with a history (a change at the closing
    // instant comes before the close); never for a closed deal without one (observed closed).
    private static (Instant Observed, Instant? OpenUntil) Window(DealImport r, Instant asOf) =>
        r.History.Count > 0 ? (r.History[0].EnteredAt, r.Status == DealStatus.Open ? asOf : r.ClosedAt)
        : r.Status != DealStatus.Open ? (r.ClosedAt!.Value, null)
        : (r.StageEnteredAt ?? asOf, asOf);

    // Sorted instants in [from, to], often repeating one another or the history's instants (ties are the interesting cases).
    private static List<Instant> Instants(Random rng, DealImport r, Instant from, Instant to, int count)
    {
        var candidates = r.History.Select(e => e.EnteredAt).Append(from).Append(to).Where(t => t >= from && t <= to).ToList();
        var seconds = (long)(to - from).TotalSeconds;
        return
        [
            .. Enumerable
                .Range(0, count)
                .Select(_ =>
                    rng.Next(3) == 0
                        ? candidates[rng.Next(candidates.Count)]
                        : from.Plus(Duration.FromSeconds(rng.NextInt64(0, seconds + 1)))
                )
                .Order(),
        ];
    }

    // A chain of count changes at the instants, ending in current, each value differing from the next.
    private static List<FieldChange<T>> Chain<T>(Random rng, List<Instant> at, T current, Func<T, T> other)
    {
        var values = new T[at.Count + 1];
        values[^1] = current;
        for (var k = at.Count - 1; k >= 0; k--)
        {
            values[k] = other(values[k + 1]);
        }
        return [.. at.Select((t, k) => new FieldChange<T>(t, values[k], values[k + 1], rng.Next(2) == 0 ? null : "ops"))];
    }

    private static DealImport WithChanges(Random rng, DealImport r, Instant asOf)
    {
        var (observed, openUntil) = Window(r, asOf);
        var money = openUntil is { } end
            ? Chain(
                rng,
                Instants(rng, r, observed, end, rng.Next(0, 4)),
                r.Amount,
                a =>
                    rng.Next(4) == 0 && a.Currency == Currency.USD
                        ? Money.FromMinorUnits(rng.Next(0, 1_000_000), Currency.EUR)
                        : Money.Of(a.Amount + rng.Next(1, 100_000) / 100m, a.Currency)
            )
            : [];
        var closes = openUntil is { } until
            ? Chain(
                rng,
                Instants(rng, r, observed, until, rng.Next(0, 4)),
                r.ExpectedClose,
                d => d.PlusDays(rng.Next(2) == 0 ? -rng.Next(1, 60) : rng.Next(1, 60))
            )
            : [];
        var owners = Chain(
            rng,
            Instants(rng, r, observed, asOf, rng.Next(0, 4)),
            r.Owner!, // ImportRecords draws owned deals
            o => Owners[(Array.IndexOf(Owners, o) + rng.Next(1, 6)) % 6]
        );
        // The money chain may have moved the record's first amount to EUR and back; the record's own amount stays its end.
        return r with { AmountChanges = money, ExpectedCloseChanges = closes, OwnerChanges = owners };
    }

    private static object? ValueOf(DealEvent e) =>
        e switch
        {
            AmountChanged a => a.Amount,
            ExpectedCloseChanged c => c.ExpectedClose,
            OwnerReassigned o => o.Owner,
            _ => null,
        };

    // The changes as the log should hold them: by instant, then amount, close date, owner, each list in its order (LINQ's
    // OrderBy is stable).
    private static IEnumerable<(Type, Instant, string, object?)> ExpectedChanges(DealImport r) =>
        r
            .AmountChanges.Select(c => (Field: 0, Event: (typeof(AmountChanged), c.At, c.By ?? Unknown.Actor, (object?)c.After)))
            .Concat(
                r.ExpectedCloseChanges.Select(c =>
                    (Field: 1, Event: (typeof(ExpectedCloseChanged), c.At, c.By ?? Unknown.Actor, (object?)c.After))
                )
            )
            .Concat(r.OwnerChanges.Select(c => (Field: 2, Event: (typeof(OwnerReassigned), c.At, c.By ?? Unknown.Actor, (object?)c.After))))
            .OrderBy(x => x.Event.At)
            .ThenBy(x => x.Field)
            .Select(x => x.Event);

    [Fact]
    public void Import_WithChanges_HasTheRecordsStateAndExactlyItsChangesInOrder_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var rng = new Random(x.Seed);
                    var record = WithChanges(rng, ImportRecords.Draw(rng, pipeline, "P-1"), ImportRecords.AsOf);
                    var deal = pipeline.Import(record, ImportRecords.AsOf);
                    var first = (DealImported)deal.History[0];
                    var changes = deal.History.Where(e => ValueOf(e) is not null).Select(e => (e.GetType(), e.At, e.By, ValueOf(e)));
                    return deal.Owner == record.Owner
                        && deal.Amount == record.Amount
                        && deal.ExpectedClose == record.ExpectedClose
                        && deal.StageId == record.StageId
                        && deal.Status == record.Status
                        && first.Owner == (record.OwnerChanges.Count > 0 ? record.OwnerChanges[0].Before : record.Owner)
                        && first.Amount == (record.AmountChanges.Count > 0 ? record.AmountChanges[0].Before : record.Amount)
                        && first.ExpectedClose
                            == (record.ExpectedCloseChanges.Count > 0 ? record.ExpectedCloseChanges[0].Before : record.ExpectedClose)
                        && changes.SequenceEqual(ExpectedChanges(record))
                        && deal.History.Zip(deal.History.Skip(1)).All(p => p.First.At <= p.Second.At)
                        && Deal.FromEvents(pipeline, deal.Events).Equals(deal);
                }
            )
        );

    [Fact]
    public void Import_WithChanges_AsOfEachChangeHasTheValueItSet_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var rng = new Random(x.Seed);
                    var record = WithChanges(rng, ImportRecords.Draw(rng, pipeline, "P-1"), ImportRecords.AsOf);
                    var deal = pipeline.Import(record, ImportRecords.AsOf);
                    // The value at t: the after value of the last change at or before t, else the first before value.
                    static T At<T>(IReadOnlyList<FieldChange<T>> changes, T current, Instant t) =>
                        changes.Count == 0 ? current
                        : changes.LastOrDefault(c => c.At <= t) is { } last ? last.After
                        : changes[0].Before;
                    var instants = record
                        .AmountChanges.Select(c => c.At)
                        .Concat(record.ExpectedCloseChanges.Select(c => c.At))
                        .Concat(record.OwnerChanges.Select(c => c.At));
                    return instants.All(t =>
                    {
                        var then = deal.AsOf(t);
                        return then.Amount == At(record.AmountChanges, record.Amount, t)
                            && then.ExpectedClose == At(record.ExpectedCloseChanges, record.ExpectedClose, t)
                            && then.Owner == At(record.OwnerChanges, record.Owner!, t);
                    });
                }
            )
        );

    // No exit criteria, skipping and reopening allowed: any random walk of commands is accepted.
    private static readonly PipelineDefinition Plain = PipelineDefinition
        .CreateBuilder("Plain")
        .Stage("A", 0.1m, ForecastCategory.Pipeline)
        .Stage("B", 0.4m, ForecastCategory.BestCase)
        .Stage("C", 0.8m, ForecastCategory.Commit)
        .Won("Won")
        .Lost("Lost")
        .AllowSkipping()
        .AllowReopen()
        .Build();

    private static Deal Walk(Random rng)
    {
        var t = DealFixtures.T0;
        var deal = Deal.Open(
            Plain,
            new DealId("W-1"),
            "Walk",
            Owners[rng.Next(6)],
            Money.FromMinorUnits(rng.Next(0, 1_000_000), Currency.USD),
            new LocalDate(2026, 6, 30),
            t
        );
        for (var step = rng.Next(0, 12); step > 0; step--)
        {
            t = t.Plus(Duration.FromHours(rng.Next(0, 3) == 0 ? 0 : rng.Next(1, 50))); // ties now and then
            var by = rng.Next(2) == 0 ? "alice" : "bob";
            if (!deal.IsOpen)
            {
                deal = rng.Next(2) == 0 ? Plain.Reassign(deal, Owners.First(o => o != deal.Owner), t, by) : Plain.Reopen(deal, t, by);
                continue;
            }
            deal = rng.Next(6) switch
            {
                0 => Plain.ChangeAmountTo(deal, Money.Of(deal.Amount.Amount + rng.Next(1, 50_000) / 100m, deal.Amount.Currency), t, by),
                1 => Plain.ChangeExpectedCloseTo(deal, deal.ExpectedClose.PlusDays(rng.Next(1, 40)), t, by),
                2 => Plain.Reassign(deal, Owners.First(o => o != deal.Owner), t, by),
                3 => Plain.Move(deal, Plain.OpenStages.First(s => s.Id != deal.StageId).Id, t, by),
                4 => Plain.Win(deal, t, by),
                _ => Plain.Lose(deal, LossReason.Price, t, by),
            };
        }
        return deal;
    }

    // This test's own writer: the deal's stage entries and each field's changes, every change's before value being the
    // value the history had until then.
    private static DealImport Export(Deal deal)
    {
        var entries = new List<StageEntry>();
        var (amounts, closes, owners) = (
            new List<FieldChange<Money>>(),
            new List<FieldChange<LocalDate>>(),
            new List<FieldChange<string>>()
        );
        var created = (DealCreated)deal.History[0];
        var (amount, close, owner) = (created.Amount, created.ExpectedClose, created.Owner);
        foreach (var e in deal.History)
        {
            switch (e)
            {
                case DealCreated c:
                    entries.Add(new StageEntry(c.StageId, c.At, c.By));
                    break;
                case StageMoved m:
                    entries.Add(new StageEntry(m.ToStageId, m.At, m.By));
                    break;
                case DealWon w:
                    entries.Add(new StageEntry(w.StageId, w.At, w.By));
                    break;
                case DealLost l:
                    entries.Add(new StageEntry(l.StageId, l.At, l.By));
                    break;
                case DealReopened r:
                    entries.Add(new StageEntry(r.StageId, r.At, r.By));
                    break;
                case AmountChanged a:
                    amounts.Add(new(a.At, amount, a.Amount, a.By));
                    amount = a.Amount;
                    break;
                case ExpectedCloseChanged c:
                    closes.Add(new(c.At, close, c.ExpectedClose, c.By));
                    close = c.ExpectedClose;
                    break;
                case OwnerReassigned o:
                    owners.Add(new(o.At, owner!, o.Owner, o.By));
                    owner = o.Owner;
                    break;
            }
        }
        return new DealImport
        {
            Id = deal.Id,
            Name = deal.Name,
            Owner = deal.Owner!,
            Amount = deal.Amount,
            StageId = deal.StageId,
            ExpectedClose = deal.ExpectedClose,
            CreatedAt = deal.CreatedAt,
            Status = deal.Status,
            ClosedAt = deal.ClosedAt,
            LossReason = deal.LossReason,
            History = entries,
            AmountChanges = amounts,
            ExpectedCloseChanges = closes,
            OwnerChanges = owners,
        };
    }

    // Each field's timeline: its first value, then (instant, value) per change.
    private static IEnumerable<(Instant, object?)> Timeline(Deal deal, Type kind, Func<Deal, object> initial) =>
        deal
            .History.Where(e => e.GetType() == kind)
            .Select(e => (e.At, ValueOf(e)))
            .Prepend((deal.CreatedAt, initial(deal.AsOf(deal.History[0].At))));

    [Fact]
    public void Import_OfADealBuiltByCommands_KeepsItsAmountCloseAndOwnerTimelines_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, int.MaxValue).ToArbitrary(),
                seed =>
                {
                    var native = Walk(new Random(seed));
                    var asOf = native.LastEventAt.Plus(Duration.FromDays(1));
                    var imported = Plain.Import(Export(native), asOf);
                    return Timeline(imported, typeof(AmountChanged), d => d.Amount)
                            .SequenceEqual(Timeline(native, typeof(AmountChanged), d => d.Amount))
                        && Timeline(imported, typeof(ExpectedCloseChanged), d => d.ExpectedClose)
                            .SequenceEqual(Timeline(native, typeof(ExpectedCloseChanged), d => d.ExpectedClose))
                        && Timeline(imported, typeof(OwnerReassigned), d => d.Owner!)
                            .SequenceEqual(Timeline(native, typeof(OwnerReassigned), d => d.Owner!))
                        && native
                            .History.Select(e => e.At)
                            .All(t =>
                                (imported.AsOf(t).Amount, imported.AsOf(t).ExpectedClose, imported.AsOf(t).Owner, imported.AsOf(t).StageId)
                                == (native.AsOf(t).Amount, native.AsOf(t).ExpectedClose, native.AsOf(t).Owner, native.AsOf(t).StageId)
                            );
                }
            )
        );
}
