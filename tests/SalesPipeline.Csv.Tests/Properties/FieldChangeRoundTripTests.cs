using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Csv.Tests.Properties;

// Valid deals with random field changes, written in the canonical format by the test's own writer (stage and change rows
// scrambled together), read back as the deals Core's import makes of the same records: the same histories, every row
// accepted.
public class FieldChangeRoundTripTests
{
    [Fact]
    public void Reading_written_field_changes_gives_what_importing_the_records_gives_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealGen.Deals.ToArbitrary(),
                Gen.Choose(1, 1000).ToArbitrary(),
                (generated, scramble) =>
                {
                    var rng = new Random(scramble);
                    var records = generated.Select(r => ChangeGen.Add(r, rng)).ToArray();
                    var pipeline = PipelineDefinition.Default;
                    var expected = pipeline.Import(records, DealGen.AsOf);
                    var result = DealCsv.Read(
                        pipeline,
                        CanonicalWriter.Utf8(CanonicalWriter.Deals(records)),
                        CanonicalWriter.Utf8(CanonicalWriter.HistoryWithChanges(pipeline, records, i => (i * scramble) % 1009)),
                        DealGen.AsOf
                    );

                    Assert.True(expected.IsComplete, expected.ToString());
                    Assert.True(result.IsComplete, result.ToString());
                    var rows = records.Sum(r =>
                        r.History.Count + r.AmountChanges.Count + r.ExpectedCloseChanges.Count + r.OwnerChanges.Count
                    );
                    Assert.Equal(new CsvRowCounts(rows, rows, 0), result.HistoryRows);
                    Assert.Equal(expected.Deals.Select(d => d.History), result.Deals.Select(d => d.History));
                }
            )
        );
}
