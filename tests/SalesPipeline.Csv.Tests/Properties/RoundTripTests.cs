using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Csv.Tests.Properties;

// Any valid set of deals, written in the canonical format by the test's own writer (history rows scrambled), reads back
// as the deals that Core's import makes of the same records: the same ids, stages, amounts and events.
public class RoundTripTests
{
    [Fact]
    public void Reading_the_written_files_gives_what_importing_the_records_gives_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealGen.Deals.ToArbitrary(),
                Gen.Choose(1, 1000).ToArbitrary(),
                (records, scramble) =>
                {
                    var pipeline = PipelineDefinition.Default;
                    var expected = pipeline.Import(records, DealGen.AsOf);
                    var result = DealCsv.Read(
                        pipeline,
                        CanonicalWriter.Utf8(CanonicalWriter.Deals(records)),
                        CanonicalWriter.Utf8(CanonicalWriter.History(pipeline, records, i => (i * scramble) % 1009)),
                        DealGen.AsOf
                    );

                    Assert.True(expected.IsComplete, expected.ToString());
                    Assert.True(result.IsComplete, result.ToString());
                    var historyRows = records.Sum(r => r.History.Count);
                    Assert.Equal(new CsvRowCounts(records.Length, records.Length, 0), result.DealRows);
                    Assert.Equal(new CsvRowCounts(historyRows, historyRows, 0), result.HistoryRows);
                    Assert.Equal(expected.Deals.Count, result.Deals.Count);
                    for (var i = 0; i < expected.Deals.Count; i++)
                    {
                        var (want, got) = (expected.Deals[i], result.Deals[i]);
                        Assert.Equal((want.Id, want.StageId, want.Amount, want.Name), (got.Id, got.StageId, got.Amount, got.Name));
                        Assert.Equal(want.History, got.History);
                    }
                }
            )
        );
}
