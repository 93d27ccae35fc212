using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Csv.Tests.Properties;

// Issue 14: a large import runs Core's import in parts on several cores. One part is the import as it was (one call
// over every record, in file order), so it is the oracle: any number of parts gives the same deals in the same order,
// the same errors (file, line, column, value, reason) in the same order, the same counts and the same exception, for
// valid files and for files with broken rows.
public class ImportPartsTests
{
    private static readonly char[] Damage = [',', '"', 'x', '9', ' ', '-', '\n'];

    // The files of the records, then up to three characters of either file overwritten: bad values, bad quoting, rows
    // with another number of fields, creation instants after the history's (which Core's import rejects), and so on.
    private static Gen<(string Deals, string History)> Files =>
        from records in DealGen.Deals
        from scramble in Gen.Choose(1, 1000)
        from n in Gen.Choose(0, 3)
        from damage in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1_000_000), 4), n)
        select Damaged(
            CanonicalWriter.Deals(records),
            CanonicalWriter.History(PipelineDefinition.Default, records, i => (i * scramble) % 1009),
            damage
        );

    private static (string Deals, string History) Damaged(string deals, string history, int[][] damage)
    {
        var files = new[] { deals.ToCharArray(), history.ToCharArray() };
        foreach (var d in damage)
        {
            var file = files[d[0] % 2];
            // Not in the header line: a broken header ends the import before any row is read.
            var start = Array.IndexOf(file, '\n') + 1;
            if (start > 0 && start < file.Length)
            {
                file[start + d[1] % (file.Length - start)] = Damage[d[2] % Damage.Length];
            }
        }
        return (new string(files[0]), new string(files[1]));
    }

    private static CsvImportResult Read(string deals, string history, int parts, bool stopAtFirstError = false) =>
        new ImportSession(PipelineDefinition.Default, new CsvReadOptions { StopAtFirstError = stopAtFirstError }, parts).Run(
            CanonicalWriter.Utf8(deals),
            CanonicalWriter.Utf8(history),
            DealGen.AsOf
        );

    private static bool Same(CsvImportResult a, CsvImportResult b) =>
        a.Deals.SequenceEqual(b.Deals)
        && a.Deals.Zip(b.Deals).All(p => Amount(p.First) == Amount(p.Second) && p.First.Events.Count == p.Second.Events.Count)
        && a.Errors.SequenceEqual(b.Errors)
        && a.DealRows == b.DealRows
        && a.HistoryRows == b.HistoryRows;

    private static string Amount(Deal deal) => deal.Amount.Currency.Code + " " + deal.Amount.Amount.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Parts_GiveWhatOnePartGives_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Files.ToArbitrary(),
                Gen.Choose(2, 5).ToArbitrary(),
                (files, parts) =>
                {
                    var one = Read(files.Deals, files.History, parts: 1);
                    var many = Read(files.Deals, files.History, parts);
                    // The public entry point (as many parts as the cores, for batches large enough) agrees too.
                    var read = DealCsv.Read(
                        PipelineDefinition.Default,
                        CanonicalWriter.Utf8(files.Deals),
                        CanonicalWriter.Utf8(files.History),
                        DealGen.AsOf
                    );
                    return Same(one, many) && Same(one, read);
                }
            )
        );

    [Fact]
    public void Parts_StopAtFirstError_ThrowTheErrorOnePartThrows_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Files.ToArbitrary(),
                Gen.Choose(2, 5).ToArbitrary(),
                (files, parts) =>
                {
                    static CsvRowError[]? Thrown(Func<CsvImportResult> read)
                    {
                        try
                        {
                            read();
                            return null;
                        }
                        catch (CsvImportException e)
                        {
                            return [.. e.Errors];
                        }
                    }
                    var one = Thrown(() => Read(files.Deals, files.History, parts: 1, stopAtFirstError: true));
                    var many = Thrown(() => Read(files.Deals, files.History, parts, stopAtFirstError: true));
                    return one is null ? many is null : many is not null && one.SequenceEqual(many);
                }
            )
        );

    [Fact]
    public void Parts_ADealRejectedInALaterPart_IsReportedOnItsRows()
    {
        // Three deals in three parts; the third was created (2025-03-01) after its history's first entry (2025-02-01),
        // which Core's import rejects in the third part: the deal's row and its history row are rejected, the others
        // accepted, in file order.
        const string deals = """
            deal_id,owner,amount,currency,stage,created_at,expected_close
            D1,alice,100.00,USD,prospecting,2025-01-01T00:00:00Z,2025-06-30
            D2,bob,200.50,USD,prospecting,2025-01-02T00:00:00Z,2025-06-30
            D3,carol,300,USD,prospecting,2025-03-01T00:00:00Z,2025-06-30
            """;
        const string history = """
            deal_id,at,kind,from_stage,to_stage
            D1,2025-01-01T00:00:00Z,created,,prospecting
            D2,2025-01-02T00:00:00Z,created,,prospecting
            D3,2025-02-01T00:00:00Z,created,,prospecting
            """;

        var one = Read(deals, history, parts: 1);
        var three = Read(deals, history, parts: 3);

        Assert.True(Same(one, three));
        Assert.Equal(["D1", "D2"], three.Deals.Select(d => d.Id.Value));
        Assert.Equal(["100.00", "200.50"], three.Deals.Select(d => d.Amount.Amount.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(new CsvRowCounts(3, 2, 1), three.DealRows);
        Assert.Equal(new CsvRowCounts(3, 2, 1), three.HistoryRows);
        Assert.Equal([("deals", 4L), ("history", 4L)], three.Errors.Select(e => (e.File, e.Line)));
    }
}
