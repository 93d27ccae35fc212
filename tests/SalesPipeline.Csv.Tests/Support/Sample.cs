using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests.Support;

internal static class Sample
{
    // Every example is an export taken on 2025-12-01 at midnight UTC, against the default pipeline.
    public static readonly Instant AsOf = Instant.FromUtc(2025, 12, 1, 0, 0);

    public static CsvImportResult Read(string deals, string? history = null, CsvReadOptions? options = null, bool bom = false) =>
        DealCsv.Read(
            PipelineDefinition.Default,
            CanonicalWriter.Utf8(deals, bom),
            history is null ? null : CanonicalWriter.Utf8(history, bom),
            AsOf,
            options
        );

    public static void Counts(
        CsvImportResult result,
        (long Read, long Accepted, long Rejected) deals,
        (long Read, long Accepted, long Rejected) history
    )
    {
        Assert.Equal(new CsvRowCounts(deals.Read, deals.Accepted, deals.Rejected), result.DealRows);
        Assert.Equal(new CsvRowCounts(history.Read, history.Accepted, history.Rejected), result.HistoryRows);
    }
}
