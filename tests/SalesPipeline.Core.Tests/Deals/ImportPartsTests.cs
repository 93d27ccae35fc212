using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Deals;

// A large list of records is imported in parts on the cores (the test hook lowers the size from which it splits). The
// oracle is the same records as a lazy sequence, which is always imported in one pass: the same deals in the same order,
// the same errors (a repeated id named with its first record, in whichever part that was), the same count, the same
// exception.
public sealed class ImportPartsTests
{
    private static Arbitrary<(int Seed, int Count, int Pipeline, int Ids)> Batches =>
        (
            from seed in Gen.Choose(0, int.MaxValue)
            from count in Gen.Choose(2, 40)
            from p in Gen.Choose(0, 1)
            from ids in Gen.Choose(1, 60)
            select (seed, count, p, ids)
        ).ToArbitrary();

    private static ImportResult InParts(Func<ImportResult> import)
    {
        using (FramePartitions.SplitFrom(1))
        {
            return import();
        }
    }

    // The records as a sequence that is not a list, which the import reads in one pass.
    private static IEnumerable<DealImport?> OnePass(IEnumerable<DealImport?> records)
    {
        foreach (var record in records)
        {
            yield return record;
        }
    }

    [Fact]
    public void Import_OfAListInParts_IsTheImportInOnePass_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Batches,
                x =>
                {
                    var pipeline = ImportBatchTests.Pipelines[x.Pipeline];
                    var rng = new Random(x.Seed);
                    // Ids drawn from a pool no larger than the batch sometimes, so that some repeat, in one part or across parts.
                    var records = Enumerable
                        .Range(0, x.Count)
                        .Select(_ => rng.Next(20) == 0 ? null : ImportBatchTests.Draw(rng, pipeline, $"P-{rng.Next(x.Ids)}"))
                        .ToArray();
                    var parts = InParts(() => pipeline.Import(records, ImportRecords.AsOf));
                    var onePass = pipeline.Import(OnePass(records), ImportRecords.AsOf);
                    return parts.Deals.SequenceEqual(onePass.Deals)
                        && parts.Deals.Zip(onePass.Deals).All(p => p.First.Events.SequenceEqual(p.Second.Events))
                        && parts.Errors.SequenceEqual(onePass.Errors)
                        && parts.Read == onePass.Read
                        && parts.Read == x.Count;
                }
            )
        );

    [Fact]
    public void Import_OfAListInParts_ReportsAnIdRepeatedInALaterPart_WithItsFirstRecord()
    {
        var first = ImportTests.Record("SF-1");
        var records = new[] { first, ImportTests.Record("SF-2"), ImportTests.Record("SF-3"), first };

        var result = InParts(() => DealFixtures.Default.Import(records, ImportTests.AsOfImport));

        Assert.Equal(["SF-1", "SF-2", "SF-3"], result.Deals.Select(d => d.Id.Value));
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "Id", "Deal ids are unique; record 0 has the same id."), (error.Index, error.Field, error.Rule));
    }

    [Fact]
    public void Import_OfAListInParts_ThrowsWhatTheFirstFailingRecordThrows()
    {
        var records = new ThrowingList(ImportTests.Record("SF-1"), count: 10, failFrom: 6);

        var parts = Assert.Throws<InvalidOperationException>(() =>
            InParts(() => DealFixtures.Default.Import(records, ImportTests.AsOfImport))
        );
        var onePass = Assert.Throws<InvalidOperationException>(() => DealFixtures.Default.Import(OnePass(records), ImportTests.AsOfImport));

        Assert.Equal("record 6 cannot be read", parts.Message);
        Assert.Equal(onePass.Message, parts.Message);
    }

    // Records 0 .. failFrom - 1 (each its own id), then every later read throws, naming the record.
    private sealed class ThrowingList(DealImport record, int count, int failFrom) : IReadOnlyList<DealImport?>
    {
        public DealImport? this[int index] =>
            index < failFrom
                ? record with
                {
                    Id = new DealId($"T-{index}"),
                }
                : throw new InvalidOperationException($"record {index} cannot be read");

        public int Count => count;

        public IEnumerator<DealImport?> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
