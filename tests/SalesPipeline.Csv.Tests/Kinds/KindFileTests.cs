using System.IO;
using System.Text;
using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.Kinds;

// What the four readers share with DealCsv: the column map's names, progress, malformed rows, invalid UTF-8, the BOM.
public class KindFileTests
{
    [Fact]
    public void The_column_map_takes_the_canonical_names_of_every_kind_and_still_refuses_others()
    {
        var options = new CsvReadOptions
        {
            Columns = new Dictionary<string, string>
            {
                ["contract_id"] = "Contract",
                ["subject_id"] = "Rep",
                ["disqualification_reason"] = "Why",
                ["activity_id"] = "Id",
                ["deal_id"] = "Opportunity",
            },
        };
        Assert.Equal(5, options.Columns!.Count);

        var e = Assert.Throws<ArgumentException>(() =>
            new CsvReadOptions { Columns = new Dictionary<string, string> { ["contract"] = "C" } }
        );
        Assert.Equal("Columns", e.ParamName);
        Assert.Contains("contract_id, reference,", e.Message, StringComparison.Ordinal);
        Assert.Contains("level, subject_id, period, start, end, target", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_names_the_file_and_counts_rows_and_bytes_at_the_end()
    {
        var text =
            "level,subject_id,start,end,target,currency\nteam,emea,2026-01-01,2026-03-31,10,USD\nteam,apac,2026-01-01,2026-03-31,20,USD\n";
        var reports = new List<CsvProgress>();

        QuotaCsv.Read(CanonicalWriter.Utf8(text), new CsvReadOptions { Progress = new Collect(reports) });

        Assert.Equal(new CsvProgress("quotas", 2, Encoding.UTF8.GetByteCount(text)), Assert.Single(reports));
    }

    [Fact]
    public void A_malformed_row_and_invalid_utf8_are_row_errors_and_the_counts_add_up()
    {
        var bytes = new List<byte>();
        bytes.AddRange(
            Encoding.UTF8.GetBytes(
                "kind,at,owner,deal_id\ncall,2025-03-01T00:00:00Z,alice,D-1\ncall,2025-03-01T00:00:00Z,alice\nemail,2025-03-01T00:00:00Z,b"
            )
        );
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes("b,D-2\ndemo,2025-03-02T00:00:00Z,carol,D-3\n"));

        var result = ActivityCsv.Read(new MemoryStream([.. bytes]));

        Assert.Equal(new CsvRowCounts(4, 2, 2), result.Rows);
        Assert.Equal(new long[] { 3, 4 }, result.Errors.Select(e => e.Line));
        Assert.Equal("The row has a different number of fields than the header (4).", result.Errors[0].Reason);
        Assert.Equal(("owner", "b\uFFFDb"), (result.Errors[1].Column, result.Errors[1].Value));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_header()
    {
        var result = LeadCsv.Read(
            CanonicalWriter.Utf8("lead_id,name,source,owner,created_at\nL-1,Ann,web,alice,2025-03-01T00:00:00Z\n", bom: true)
        );

        Assert.Equal("L-1", Assert.Single(result.Items).Id.Value);
    }

    [Fact]
    public void An_empty_file_ends_the_reading()
    {
        var e = Assert.Throws<CsvImportException>(() => ActivityCsv.Read(new MemoryStream()));

        Assert.Equal(
            new CsvRowError("activities", 1, "kind", null, "The activities file is empty: it needs a header with the column \"kind\"."),
            Assert.Single(e.Errors)
        );
    }

    // The CRM formats are deal exports: a leads, activities, payments or quotas file read with one is refused, not read
    // as canonical with the format silently ignored.
    [Theory]
    [InlineData(CsvFormat.Salesforce)]
    [InlineData(CsvFormat.HubSpot)]
    [InlineData(CsvFormat.Pipedrive)]
    public void A_crm_format_is_refused_by_the_kind_readers(CsvFormat format)
    {
        var options = new CsvReadOptions { Format = format };
        static MemoryStream File() =>
            CanonicalWriter.Utf8("lead_id,name,source,owner,created_at\nL-1,Globex,web,alice,2025-01-01T00:00:00Z\n");

        var errors = new[]
        {
            Assert.Throws<ArgumentException>(() => LeadCsv.Read(File(), options)),
            Assert.Throws<ArgumentException>(() => ActivityCsv.Read(File(), options)),
            Assert.Throws<ArgumentException>(() => QuotaCsv.Read(File(), options)),
            Assert.Throws<ArgumentException>(() => PaymentCsv.Read(File(), [], options)),
        };

        foreach (var e in errors)
        {
            Assert.Equal("options", e.ParamName);
            Assert.Contains($"Format {format}", e.Message, StringComparison.Ordinal);
        }
    }

    // Synchronous, unlike Progress<T>, which posts to the thread pool.
    private sealed class Collect(List<CsvProgress> reports) : IProgress<CsvProgress>
    {
        public void Report(CsvProgress value) => reports.Add(value);
    }
}
