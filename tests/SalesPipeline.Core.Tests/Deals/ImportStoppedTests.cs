using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;
using static SalesPipeline.Tests.Deals.ImportErrorsTests;
using static SalesPipeline.Tests.Deals.ImportTests;

namespace SalesPipeline.Tests.Deals;

// A stopped deal in an export: imported as the open deal it was when it was stopped, then stopped there. The oracle is
// the way a caller recorded it before Import took stopped records: import the open record as of the stop, then
// DealCommand.Stop at that instant. Instants: T0 = 2026-03-02T09:00:00Z is the creation, H(n) is T0 + n hours, the
// export (asOf) is H(1440) = 2026-05-01T09:00:00Z.
public sealed class ImportStoppedTests
{
    private static readonly StopReason BudgetFreeze = new("budget-freeze");

    private static DealImport Stopped(Instant at, StopReason? reason = null) =>
        Record() with
        {
            Status = DealStatus.Stopped,
            StoppedAt = at,
            StopReason = reason,
        };

    [Fact]
    public void Import_StoppedDealWithoutHistory_IsObservedAtItsStop_WithItsOverrides_ThenStopped()
    {
        var record = Stopped(H(240), BudgetFreeze) with { ProbabilityOverride = 0.3m };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal(
            (DealStatus.Stopped, "proposal", (Instant?)H(240), BudgetFreeze, H(240)),
            (deal.Status, deal.StageId, deal.StoppedAt, deal.StopReason, deal.ObservedFrom)
        );
        Assert.Equal(
            [(typeof(DealImported), H(240)), (typeof(ProbabilityOverridden), H(240)), (typeof(DealStopped), H(240))],
            deal.Events.Select(e => (e.GetType(), e.At))
        );
        Assert.Equal(0.3m, deal.ProbabilityOverride);
        Assert.Equal(Unknown.Actor, deal.Events[^1].By);
        var open = Default.Import(record with { Status = DealStatus.Open, StoppedAt = null, StopReason = null }, H(240));
        Assert.Equal(Default.Stop(open, BudgetFreeze, H(240), Unknown.Actor), deal);
    }

    [Fact]
    public void Import_StoppedDealWithHistory_StopsAtTheLastEntry_ByTheRecordsActor_ForAnUnknownReason()
    {
        var record = Stopped(H(100)) with
        {
            History = [new StageEntry("qualified", H(10)), new StageEntry("proposal", H(100), "bob")],
            By = "export-job",
        };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal([typeof(DealImported), typeof(StageMoved), typeof(DealStopped)], deal.Events.Select(e => e.GetType()));
        var stop = Assert.IsType<DealStopped>(deal.Events[^1]);
        Assert.Equal((H(100), "export-job", StopReason.Unknown), (stop.At, stop.By, stop.Reason));
        Assert.Equal((H(10), H(100)), (deal.ObservedFrom, deal.StageEnteredAt));
    }

    [Fact]
    public void Import_StoppedDealInAPool_StaysPooled()
    {
        var deal = Default.Import(Stopped(H(240)) with { Owner = null, Team = "emea" }, AsOfImport);

        Assert.Equal((true, "emea", DealStatus.Stopped), (deal.IsInPool, deal.Team, deal.Status));
    }

    [Fact]
    public void Import_StopInstantOnAnOpenDeal_IsAnError() =>
        AssertOnlyError(Record() with { StoppedAt = H(5) }, "StoppedAt", "2026-03-02T14:00:00Z", "Only a stopped deal has a stop instant.");

    [Fact]
    public void Import_StopReasonOnAWonDeal_IsAnError() =>
        AssertOnlyError(
            Record("SF-1", "won") with
            {
                Status = DealStatus.Won,
                ClosedAt = H(5),
                StopReason = BudgetFreeze,
            },
            "StopReason",
            "budget-freeze",
            "Only a stopped deal has a stop reason."
        );

    [Fact]
    public void Import_StopAfterAsOf_IsAnError_NamingAsOf() =>
        AssertOnlyError(
            Stopped(H(1441)),
            "StoppedAt",
            "2026-05-01T10:00:00Z",
            "Every instant of a record lies between its CreatedAt (2026-03-02T09:00:00Z) and the import's asOf (2026-05-01T09:00:00Z)."
        );

    [Fact]
    public void Import_StopBeforeCreation_IsAnError() =>
        AssertOnlyError(
            Stopped(H(-1)),
            "StoppedAt",
            "2026-03-02T08:00:00Z",
            "Every instant of a record lies between its CreatedAt (2026-03-02T09:00:00Z) and the import's asOf (2026-05-01T09:00:00Z)."
        );

    [Fact]
    public void Import_StoppedDealInTheWonStage_IsAnError() =>
        AssertOnlyError(
            Record("SF-1", "won") with
            {
                Status = DealStatus.Stopped,
                StoppedAt = H(5),
            },
            "Status",
            "Stopped",
            "A deal with status Stopped is in an open stage; stage \"won\" is the Won stage."
        );

    [Fact]
    public void Import_StageEntryAfterTheStop_IsAnError_NamingTheStop() =>
        AssertOnlyError(
            Stopped(H(240)) with
            {
                StageEnteredAt = H(241),
            },
            "StageEnteredAt",
            "2026-03-12T10:00:00Z",
            "Every instant of a record lies between its CreatedAt (2026-03-02T09:00:00Z) and its StoppedAt (2026-03-12T09:00:00Z)."
        );

    [Fact]
    public void Import_HistoryEntryAfterTheStop_IsAnError_NamingTheStop() =>
        AssertOnlyError(
            Stopped(H(240)) with
            {
                History = [new StageEntry("proposal", H(300))],
            },
            "History[0].EnteredAt",
            "2026-03-14T21:00:00Z",
            "An entry cannot be later than its StoppedAt (2026-03-12T09:00:00Z)."
        );

    [Fact]
    public void Import_ChangeAfterTheStop_IsAnError_NamingTheStop() =>
        AssertOnlyError(
            Stopped(H(240)) with
            {
                StageEnteredAt = H(10),
                AmountChanges = [new FieldChange<Money>(H(300), Money.Of(50_000m, Currency.USD), Amount)],
            },
            "AmountChanges[0].At",
            "2026-03-14T21:00:00Z",
            "A change cannot be later than its StoppedAt (2026-03-12T09:00:00Z)."
        );

    private static Arbitrary<(int Seed, int Pipeline, int Offset)> Cases =>
        (
            from seed in Gen.Choose(0, int.MaxValue)
            from p in Gen.Choose(0, 1)
            from offset in Gen.Choose(0, 24 * 100)
            select (seed, p, offset)
        ).ToArbitrary();

    private static readonly PipelineDefinition[] Pipelines = [PipelineDefinition.Default, Multi()];

    // Any valid open record, stopped at or after the latest instant it names: the stopped import is the open import as of
    // the stop, then stopped there.
    [Fact]
    public void Import_StoppedRecord_IsTheOpenImportAsOfTheStop_ThenStopped_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var rng = new Random(x.Seed);
                    DealImport open;
                    do
                    {
                        open = ImportRecords.Draw(rng, pipeline, "S-1");
                    } while (open.Status != DealStatus.Open);
                    var latest = new[] { open.CreatedAt, open.StageEnteredAt ?? open.CreatedAt }
                        .Concat(open.History.Select(e => e.EnteredAt))
                        .Max();
                    var at = Instant.Min(latest.Plus(Duration.FromHours(x.Offset)), ImportRecords.AsOf);
                    var reason = x.Offset % 2 == 0 ? null : BudgetFreeze;
                    var stopped = pipeline.Import(
                        [open with { Status = DealStatus.Stopped, StoppedAt = at, StopReason = reason }],
                        ImportRecords.AsOf
                    );
                    var expected = pipeline.Stop(pipeline.Import(open, at), reason ?? StopReason.Unknown, at, Unknown.Actor);
                    return stopped.Errors.Count == 0 && stopped.Deals.Single().Events.SequenceEqual(expected.Events);
                }
            )
        );
}
