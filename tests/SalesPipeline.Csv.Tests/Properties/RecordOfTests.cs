using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Csv.Tests.Properties;

// A deals row keeps the values it read, and the deal's DealImport is made of them and of its sorted history rows only
// right before Core's import (ImportSession.RecordOf). The oracle is Core's import of the records the files were written
// from, built independently of the reader: whatever the order of the history rows (stage and change rows scrambled
// together), each deal read equals the deal imported from its record, event
// for event (every field of the record is in the events).
public class RecordOfTests
{
    [Fact]
    public void Read_deals_equal_the_deals_imported_from_their_records_event_for_event_Property() =>
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
                    var result = new ImportSession(pipeline, new CsvReadOptions()).Run(
                        CanonicalWriter.Utf8(CanonicalWriter.Deals(records)),
                        CanonicalWriter.Utf8(CanonicalWriter.HistoryWithChanges(pipeline, records, i => (i * scramble) % 1009)),
                        DealGen.AsOf
                    );

                    Assert.True(expected.IsComplete, expected.ToString());
                    Assert.True(result.IsComplete, result.ToString());
                    Assert.Equal(expected.Deals, result.Deals);
                    Assert.Equal(expected.Deals.Select(d => d.Events.ToList()), result.Deals.Select(d => d.Events.ToList()));
                }
            )
        );
}
