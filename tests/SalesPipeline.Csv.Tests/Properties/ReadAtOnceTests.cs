using System.Globalization;
using System.IO;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Csv.Tests.Properties;

// Issue 14: the deals file and the history file are read at once, on two threads, the history rows linked to their deals
// once both are read. Reading one file after the other (atOnce: false) is the oracle: the same deals in the same order,
// the same errors (file, line, column, value, reason) in the same order, the same counts, ignored fields and exception,
// for valid files, damaged ones (bad values, bad quoting, invalid UTF-8, other field counts, CR LF, huge amounts), files
// with field changes, and a CRM report with its footer.
public class ReadAtOnceTests
{
    private static readonly byte[] Damage = "\",x9 -\n\r"u8.ToArray().Append((byte)0xC3).Append((byte)0xFF).ToArray();

    internal sealed record Case(PipelineDefinition Pipeline, byte[] Deals, byte[] History, CsvReadOptions Options, NodaTime.Instant AsOf)
    {
        public override string ToString() => Encoding.UTF8.GetString(Deals) + "\n---\n" + Encoding.UTF8.GetString(History);
    }

    // Canonical files of generated records, with field changes or without, some change rows of fields the options leave
    // out (ignored), or Salesforce's sample report with its footer; then up to four bytes of either file overwritten, and
    // sometimes an amount change made too large for any currency.
    private static Gen<Case> Cases =>
        from records in DealGen.Deals
        from scramble in Gen.Choose(1, 1000)
        from kind in Gen.Choose(0, 3)
        from huge in Gen.Choose(0, 6)
        from n in Gen.Choose(0, 4)
        from damage in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1_000_000), 3), n)
        select Damaged(Files(records, scramble, kind, huge), damage);

    private static Case Files(DealImport[] generated, int scramble, int kind, int huge)
    {
        if (kind == 3)
        {
            return new Case(
                Exports.Salesforce,
                Exports.Bytes("Salesforce", "opportunities.csv"),
                Exports.Bytes("Salesforce", "opportunity-history.csv"),
                Exports.SalesforceOptions,
                Exports.AsOf
            );
        }
        var pipeline = PipelineDefinition.Default;
        var rng = new Random(scramble);
        var records = kind == 0 ? generated : [.. generated.Select(r => ChangeGen.Add(r, rng))];
        var history =
            kind == 0
                ? CanonicalWriter.History(pipeline, records, i => (i * scramble) % 1009)
                : CanonicalWriter.HistoryWithChanges(pipeline, records, i => (i * scramble) % 1009);
        // The huge-th amount change's old value gets 17 nines in front: past every currency's largest amount.
        var at = -1;
        for (var k = 0; k < huge; k++)
        {
            at = history.IndexOf(",amount,", at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
        }
        if (at >= 0)
        {
            history = history.Insert(at + 8, "99999999999999999");
        }
        var options =
            kind == 2 ? new CsvReadOptions { Fields = new Dictionary<string, string> { ["amount"] = "amount" } } : new CsvReadOptions();
        return new Case(
            pipeline,
            Encoding.UTF8.GetBytes(CanonicalWriter.Deals(records)),
            Encoding.UTF8.GetBytes(history),
            options,
            DealGen.AsOf
        );
    }

    private static Case Damaged(Case files, int[][] damage)
    {
        var (deals, history) = (files.Deals.ToArray(), files.History.ToArray());
        foreach (var d in damage)
        {
            var file = d[0] % 2 == 0 ? deals : history;
            // Not in the header line: a broken header ends the import before any row is read.
            var start = Array.IndexOf(file, (byte)'\n') + 1;
            if (start > 0 && start < file.Length)
            {
                file[start + d[1] % (file.Length - start)] = Damage[d[2] % Damage.Length];
            }
        }
        return files with { Deals = deals, History = history };
    }

    private static CsvImportResult Read(Case c, bool atOnce, bool stopAtFirstError = false, IProgress<CsvProgress>? progress = null) =>
        new ImportSession(c.Pipeline, c.Options with { StopAtFirstError = stopAtFirstError, Progress = progress }, atOnce: atOnce).Run(
            new MemoryStream(c.Deals),
            new MemoryStream(c.History),
            c.AsOf
        );

    // Everything a reader of the result sees: the deals with their amounts and events, the errors, counts and ignored fields.
    private static string Seen(CsvImportResult result) =>
        string.Join(
            "\n",
            result
                .Deals.Select(d =>
                    $"{d.Id.Value} {d.Amount.Currency.Code} {d.Amount.Amount.ToString(CultureInfo.InvariantCulture)} {d.Status} {string.Join("; ", d.Events)}"
                )
                .Concat(result.Errors.Select(e => e.ToString()))
                .Append($"{result.DealRows} {result.HistoryRows}")
                .Concat(result.IgnoredFields.Select(p => $"{p.Key}={p.Value}"))
        );

    private static string Outcome(Func<CsvImportResult> read)
    {
        try
        {
            return Seen(read());
        }
        catch (CsvImportException e)
        {
            return "thrown: " + string.Join("\n", e.Errors);
        }
    }

    [Fact]
    public void AtOnce_GivesWhatOneFileAfterTheOtherGives_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(Cases.ToArbitrary(), c => Outcome(() => Read(c, atOnce: true)) == Outcome(() => Read(c, atOnce: false)))
        );

    [Fact]
    public void AtOnce_StopAtFirstError_ThrowsTheErrorOneFileAfterTheOtherThrows_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                    Outcome(() => Read(c, atOnce: true, stopAtFirstError: true))
                    == Outcome(() => Read(c, atOnce: false, stopAtFirstError: true))
            )
        );

    [Fact]
    public void AtOnce_ReportsProgressOnTheCallingThread_EachFilesInOrder_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var progress = new Recorder();
                    var result = Read(c, atOnce: true, progress: progress);
                    var reports = progress.Reports;
                    var thread = Environment.CurrentManagedThreadId;
                    bool Rises(string file) =>
                        reports
                            .Where(r => r.File == file)
                            .Zip(reports.Where(r => r.File == file).Skip(1))
                            .All(p => p.First.Rows <= p.Second.Rows);
                    // Once at the end of each file (the files here have fewer than 65,536 rows), with every row read, the
                    // deals file's first, as when one is read after the other.
                    return reports.All(r => r.Thread == thread)
                        && reports.Select(r => r.File).SequenceEqual(["deals", "history"])
                        && Rises("deals")
                        && Rises("history")
                        && reports.Single(r => r.File == "deals").Rows == result.DealRows.Read
                        && reports.Single(r => r.File == "history").Rows == result.HistoryRows.Read
                        && reports.Single(r => r.File == "history").Bytes == c.History.Length;
                }
            )
        );

    private sealed class Recorder : IProgress<CsvProgress>
    {
        private readonly List<(string File, long Rows, long Bytes, int Thread)> reports = [];

        public List<(string File, long Rows, long Bytes, int Thread)> Reports
        {
            get
            {
                lock (reports)
                {
                    return [.. reports];
                }
            }
        }

        public void Report(CsvProgress value)
        {
            lock (reports)
            {
                reports.Add((value.File, value.Rows, value.Bytes, Environment.CurrentManagedThreadId));
            }
        }
    }

    private const string Deals = """
        deal_id,owner,amount,currency,stage,created_at,expected_close
        D1,alice,100.00,USD,prospecting,2025-01-01T00:00:00Z,2025-06-30
        D2,bob,200.50,KWD,prospecting,2025-01-02T00:00:00Z,2025-06-30
        """;

    [Fact]
    public void AtOnce_AnAmountChangeInTheDealsCurrency_IsCheckedAgainstThatCurrencyInTheRowsOrder()
    {
        // D1 is in USD, D2 in KWD (3 decimals); D2 is created at line 3. Line 2: D1's old amount 20,000,000,000,000,000
        // is past USD's largest (10^18 cents = 10^16 dollars), and its new one is no number: both errors, old first.
        // Line 4: D2's change from 1.5 to 2.125 KWD is fine. Line 5: D3 is no deal: the id's error, then the bad new
        // value; its old amount, whose currency would be its deal's, is not checked. Line 6: D2's old amount with its
        // own code, the new one D2's amount now, 200.50 KWD. D1 is rejected with its row; D2 is imported.
        const string history = """
            deal_id,at,kind,from_stage,to_stage,by,field,old_value,new_value
            D1,2025-02-01T00:00:00Z,changed,,,,amount,20000000000000000,abc
            D2,2025-01-02T00:00:00Z,created,,prospecting,,,,
            D2,2025-02-01T00:00:00Z,changed,,,,amount,1.5,2.125
            D3,2025-02-01T00:00:00Z,changed,,,,amount,20000000000000000,abc
            D2,2025-02-02T00:00:00Z,changed,,,,amount,KWD 2.125,200.50
            """;
        var c = new Case(
            PipelineDefinition.Default,
            Encoding.UTF8.GetBytes(Deals),
            Encoding.UTF8.GetBytes(history),
            new CsvReadOptions(),
            Sample.AsOf
        );

        var atOnce = Read(c, atOnce: true);

        Assert.Equal(Seen(Read(c, atOnce: false)), Seen(atOnce));
        var errors = atOnce.Errors.Where(e => e.File == "history").ToList();
        Assert.Equal(
            [(2L, "old_value", "20000000000000000"), (2L, "new_value", "abc"), (5L, "deal_id", "D3"), (5L, "new_value", "abc")],
            errors.Select(e => (e.Line, e.Column, e.Value))
        );
        Assert.Equal("An amount in USD is at most 10000000000000000 either way.", errors[0].Reason);
        Assert.Equal("No row of the deals file has this deal id.", errors[2].Reason);
        Assert.Equal(["D2"], atOnce.Deals.Select(d => d.Id.Value));
        Assert.Equal(new CsvRowCounts(5, 3, 2), atOnce.HistoryRows);
    }

    [Fact]
    public void AtOnce_TheDealsFilesErrorComesBeforeTheHistoryFilesRefusedHeader()
    {
        // With StopAtFirstError, the deals file's line 3 (no stage) is met before the history file's header (no to_stage
        // and no field column), as when the files are read one after the other; without the deals error, the header.
        const string badDeals = """
            deal_id,owner,amount,currency,stage,created_at,expected_close
            D1,alice,100.00,USD,prospecting,2025-01-01T00:00:00Z,2025-06-30
            D2,bob,200.50,USD,,2025-01-02T00:00:00Z,2025-06-30
            """;
        const string badHistory = "deal_id,at,kind\nD1,2025-01-01T00:00:00Z,created\n";
        var first = new Case(
            PipelineDefinition.Default,
            Encoding.UTF8.GetBytes(badDeals),
            Encoding.UTF8.GetBytes(badHistory),
            new CsvReadOptions(),
            Sample.AsOf
        );
        var second = first with { Deals = Encoding.UTF8.GetBytes(Deals) };

        var deals = Assert.Throws<CsvImportException>(() => Read(first, atOnce: true, stopAtFirstError: true));
        var header = Assert.Throws<CsvImportException>(() => Read(second, atOnce: true, stopAtFirstError: true));

        Assert.Equal(("deals", 3L, "stage"), (deals.Errors.Single().File, deals.Errors.Single().Line, deals.Errors.Single().Column));
        Assert.Equal(
            ("history", 1L, "to_stage"),
            (header.Errors.Single().File, header.Errors.Single().Line, header.Errors.Single().Column)
        );
        Assert.Equal(
            Outcome(() => Read(first, atOnce: false, stopAtFirstError: true)),
            Outcome(() => Read(first, atOnce: true, stopAtFirstError: true))
        );
        Assert.Equal(Outcome(() => Read(second, atOnce: false)), Outcome(() => Read(second, atOnce: true)));
    }

    [Theory]
    [InlineData("D1,2025-01-01T00:00:00Z,teleported,,prospecting,,,,", "kind", false)] // found while the file is read
    [InlineData("D404,2025-01-01T00:00:00Z,created,,prospecting,,,,", "deal_id", true)] // found once the deals are known
    public void AtOnce_StopAtFirstError_StopsAtTheHistoryFilesFirstBadRow(string badRow, string column, bool readsOn)
    {
        // Line 2 of the history is bad; 20,000 good rows (about 1 MB) follow, and the stream fails past its first 256 KB.
        // One file after the other stops at line 2 and never reads that far; the two threads must throw the same error.
        var rows = new StringBuilder("deal_id,at,kind,from_stage,to_stage,by,field,old_value,new_value\n");
        rows.Append(badRow).Append('\n');
        for (var i = 0; i < 20_000; i++)
        {
            rows.Append("D1,2025-01-01T00:00:00Z,created,,prospecting,,,,\n");
        }
        var history = Encoding.UTF8.GetBytes(rows.ToString());
        var options = new CsvReadOptions { StopAtFirstError = true };
        var stream = new FailingPast(history, 256 * 1024);
        CsvImportResult Run(bool atOnce) =>
            new ImportSession(PipelineDefinition.Default, options, atOnce: atOnce).Run(
                new MemoryStream(Encoding.UTF8.GetBytes(Deals)),
                stream = new FailingPast(history, 256 * 1024),
                Sample.AsOf
            );

        var sequential = Assert.Throws<CsvImportException>(() => Run(atOnce: false));
        var atOnce = Assert.Throws<CsvImportException>(() => Run(atOnce: true));
        // A bad kind ends the scan at its row; an unknown deal id is only known once linked, so the scan reads on to the
        // failure, and the rows read before it are linked first.
        Assert.Equal(readsOn, stream.Broke);

        Assert.Equal(("history", 2L, column), (atOnce.Errors.Single().File, atOnce.Errors.Single().Line, atOnce.Errors.Single().Column));
        Assert.Equal(sequential.Errors.Single(), atOnce.Errors.Single());
    }

    // A memory stream that fails once a read reaches past `limit` bytes, as a broken disk or connection would.
    private sealed class FailingPast(byte[] bytes, int limit) : MemoryStream(bytes)
    {
        internal bool Broke { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= limit ? Break() : base.Read(buffer, offset, Math.Min(count, limit - (int)Position));

        public override int Read(Span<byte> buffer) =>
            Position >= limit ? Break() : base.Read(buffer[..Math.Min(buffer.Length, limit - (int)Position)]);

        private int Break()
        {
            Broke = true;
            throw new IOException("The stream broke.");
        }
    }
}
