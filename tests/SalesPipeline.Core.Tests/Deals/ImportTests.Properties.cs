using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Deals;

// Invariants of the import over records drawn from random seeds, on the default pipeline and on a five-stage one.
public sealed partial class ImportTests
{
    private static readonly PipelineDefinition[] Pipelines = [PipelineDefinition.Default, DealFixtures.Multi()];

    private static Arbitrary<(int Seed, int Pipeline)> Seeds =>
        (from seed in Gen.Choose(0, int.MaxValue) from p in Gen.Choose(0, 1) select (seed, p)).ToArbitrary();

    private static string? StageOf(DealEvent e) =>
        e switch
        {
            DealImported i => i.StageId,
            StageMoved m => m.ToStageId,
            DealWon w => w.StageId,
            DealLost l => l.StageId,
            DealReopened r => r.StageId,
            _ => null,
        };

    [Fact]
    public void Import_HasTheCurrentStateOfTheRecord_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var record = ImportRecords.Draw(new Random(x.Seed), pipeline, "P-1");
                    var deal = pipeline.Import(record, ImportRecords.AsOf);
                    var lost = record.Status == DealStatus.Lost;
                    return deal.Id == record.Id
                        && deal.Name == (record.Name ?? Unknown.Name)
                        && deal.Owner == record.Owner
                        && deal.Amount == record.Amount
                        && deal.ExpectedClose == record.ExpectedClose
                        && deal.StageId == record.StageId
                        && deal.Status == record.Status
                        && deal.CreatedAt == record.CreatedAt
                        && deal.ClosedAt == record.ClosedAt
                        && deal.ProbabilityOverride == record.ProbabilityOverride
                        && deal.CategoryOverride == record.CategoryOverride
                        && deal.LossReason == (lost ? record.LossReason ?? LossReason.Unknown : null)
                        && deal.Competitor == record.Competitor
                        && deal.IsImported
                        && Deal.FromEvents(deal.Events).Equals(deal);
                }
            )
        );

    [Fact]
    public void Import_HistoryGivesBackTheStageSequence_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var record = ImportRecords.Draw(new Random(x.Seed), pipeline, "P-1");
                    var deal = pipeline.Import(record, ImportRecords.AsOf);
                    var stages = deal.History.Select(StageOf).OfType<string>();
                    return stages.SequenceEqual(ImportRecords.ExpectedStages(record))
                        && record.History.Zip(deal.History).All(p => p.First.EnteredAt == p.Second.At);
                }
            )
        );

    [Fact]
    public void Import_DirectionAndSkipsEqualThoseOfTheStagePositions_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var record = ImportRecords.Draw(new Random(x.Seed), pipeline, "P-1");
                    var deal = pipeline.Import(record, ImportRecords.AsOf);
                    // Positions in the list of open stage ids, independent of Stage.Index.
                    var ids = pipeline.OpenStages.Select(s => s.Id).ToList();
                    return deal
                        .History.OfType<StageMoved>()
                        .All(m =>
                        {
                            var (from, to) = (ids.IndexOf(m.FromStageId), ids.IndexOf(m.ToStageId));
                            return to > from
                                ? m.Direction == MoveDirection.Forward && m.StagesSkipped == to - from - 1
                                : m.Direction == MoveDirection.Backward && m.StagesSkipped == 0;
                        });
                }
            )
        );

    // One of the ways a record can be wrong, or none.
    private static DealImport Corrupt(DealImport record, int how) =>
        how switch
        {
            1 => record with { StageId = "nowhere" },
            2 => record with { Amount = Money.Of(-5m, Currency.USD) },
            3 => record with { Status = record.Status == DealStatus.Open ? DealStatus.Won : DealStatus.Open },
            4 => record with
            {
                History = [.. record.History, new StageEntry(record.StageId, ImportRecords.Created.Minus(NodaTime.Duration.FromDays(1)))],
            },
            _ => record,
        };

    [Fact]
    public void ImportMany_ReadIsAcceptedPlusRejected_AndRejectedRecordsBuildNothing_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from seed in Gen.Choose(0, int.MaxValue)
                    from hows in Gen.ListOf(Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 4))))
                    select (seed, hows)
                ).ToArbitrary(),
                x =>
                {
                    var pipeline = PipelineDefinition.Default;
                    var rng = new Random(x.seed);
                    var records = x.hows.Select((how, i) => Corrupt(ImportRecords.Draw(rng, pipeline, $"R-{i}"), how)).ToArray();
                    var result = pipeline.Import(records, ImportRecords.AsOf);
                    var good = records.Where((_, i) => x.hows[i] == 0).ToArray();
                    var rejectedIndexes = result.Errors.Select(e => e.Index).Distinct().Order();
                    return result.Read == records.Length
                        && result.Accepted + result.Rejected == result.Read
                        && rejectedIndexes.SequenceEqual(Enumerable.Range(0, records.Length).Where(i => x.hows[i] != 0))
                        && result.Deals.Select(d => d.Id).SequenceEqual(good.Select(r => r.Id))
                        && result.Deals.Zip(good).All(p => p.First.Equals(pipeline.Import(p.Second, ImportRecords.AsOf)))
                        && records.Where((_, i) => x.hows[i] != 0).All(r => Throws(() => pipeline.Import(r, ImportRecords.AsOf)));
                }
            )
        );

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (DealImportException)
        {
            return true;
        }
    }
}
