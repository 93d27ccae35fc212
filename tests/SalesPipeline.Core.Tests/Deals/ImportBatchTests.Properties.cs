using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Deals;

// The bulk import checks one record after another with the same error sink and lists (emptied for each record): a record's
// deal or errors must not depend on the records before it. The oracle is the single-record import, which starts afresh
// for every record: the bulk import's deals are the singles' deals in order, and its errors the singles' errors with the
// record's index.
public sealed class ImportBatchTests
{
    private static Arbitrary<(int Seed, int Count, int Pipeline)> Batches =>
        (
            from seed in Gen.Choose(0, int.MaxValue)
            from count in Gen.Choose(1, 12)
            from p in Gen.Choose(0, 1)
            select (seed, count, p)
        ).ToArbitrary();

    internal static readonly PipelineDefinition[] Pipelines = [PipelineDefinition.Default, DealFixtures.Multi()];

    // A valid record, or one broken in a way that stops the checks at different points: a field check, the history's
    // check, the changes' check, or the fold.
    internal static DealImport Draw(Random rng, PipelineDefinition pipeline, string id)
    {
        var record = ImportRecords.Draw(rng, pipeline, id);
        return rng.Next(6) switch
        {
            0 => record with { StageId = "nowhere" },
            1 => record with { CreatedAt = ImportRecords.AsOf.Plus(Duration.FromDays(1)) },
            2 when record.History.Count > 1 => record with { History = [.. record.History.Reverse()] },
            3 => record with { AmountChanges = [new FieldChange<Money>(record.CreatedAt, record.Amount, record.Amount)] },
            _ => record,
        };
    }

    [Fact]
    public void Import_OfABatch_IsTheSingleImportsOfItsRecords_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Batches,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var rng = new Random(x.Seed);
                    var records = Enumerable.Range(0, x.Count).Select(i => Draw(rng, pipeline, $"B-{i}")).ToArray();
                    var (deals, errors) = (new List<Deal>(), new List<ImportError>());
                    for (var i = 0; i < records.Length; i++)
                    {
                        try
                        {
                            deals.Add(pipeline.Import(records[i], ImportRecords.AsOf));
                        }
                        catch (DealImportException e)
                        {
                            errors.AddRange(e.Errors.Select(error => error with { Index = i }));
                        }
                    }
                    var batch = pipeline.Import(records, ImportRecords.AsOf);
                    return batch.Deals.SequenceEqual(deals)
                        && batch.Deals.Zip(deals).All(p => p.First.Events.SequenceEqual(p.Second.Events))
                        && batch.Errors.SequenceEqual(errors)
                        && batch.Read == records.Length;
                }
            )
        );
}
