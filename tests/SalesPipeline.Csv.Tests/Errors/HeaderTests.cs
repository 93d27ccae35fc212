using System.IO;
using System.Text;
using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests.Errors;

// Headers that cannot say which field holds a column (the import refuses the file rather than pick one), how headers
// match, Excel's sep line, and cells that are missing.
public class HeaderTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2025, 12, 1, 0, 0);

    private static CsvImportException Refused(string deals, CsvReadOptions? options = null) =>
        Assert.Throws<CsvImportException>(() => DealCsv.Read(PipelineDefinition.Default, CanonicalWriter.Utf8(deals), null, AsOf, options));

    [Theory]
    // The same header twice: the amount could be 10 or 99.
    [InlineData("deal_id,owner,amount,currency,stage,created_at,expected_close,amount", "amount", 3, 8)]
    // Matched ignoring case and surrounding spaces, as a single header is.
    [InlineData("deal_id,owner, Amount ,currency,stage,created_at,expected_close,AMOUNT", "AMOUNT", 3, 8)]
    // An optional column too.
    [InlineData("deal_id,owner,amount,currency,stage,created_at,expected_close,source,Source", "source", 8, 9)]
    public void A_column_named_twice_refuses_the_file_naming_both_fields(string header, string column, int first, int second)
    {
        var e = Refused(header + "\nD1,alice,10,USD,proposal,2025-03-13T13:36:13Z,2025-06-30,99,x\n");

        var error = Assert.Single(e.Errors);
        Assert.Equal(("deals", 1L), (error.File, error.Line));
        Assert.Equal(column, error.Column, ignoreCase: true);
        Assert.Contains($"fields {first} and {second}", error.Reason, StringComparison.Ordinal);
        Assert.Contains("twice", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_header_named_twice_refuses_the_file()
    {
        var text =
            "\"Opportunity Owner\",\"Amount Currency\",\"Amount\",\"Close Date\",\"Created Date\",\"Stage\",\"Opportunity ID\",\"Amount\"\n"
            + "\"Jane Doe\",\"USD\",\"1,000.00\",\"3/31/2026\",\"1/5/2026\",\"Prospecting\",\"0065g00000XYZ01\",\"5.00\"\n";

        var e = Assert.Throws<CsvImportException>(() =>
            Exports.Read(Exports.Salesforce, Encoding.UTF8.GetBytes(text), null, Exports.SalesforceOptions)
        );

        Assert.Equal(("deals", 1L, "Amount"), (e.Errors[0].File, e.Errors[0].Line, e.Errors[0].Column));
        Assert.Contains("fields 3 and 8", e.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_readers_column_named_twice_refuses_the_file()
    {
        var e = Assert.Throws<CsvImportException>(() =>
            LeadCsv.Read(CanonicalWriter.Utf8("lead_id,name,source,owner,created_at,owner\nL1,Globex,web,alice,2025-01-01T00:00:00Z,bob\n"))
        );

        Assert.Equal(("leads", 1L, "owner"), (e.Errors[0].File, e.Errors[0].Line, e.Errors[0].Column));
        Assert.Contains("fields 4 and 6", e.Errors[0].Reason, StringComparison.Ordinal);
    }

    // Headers match ignoring case ordinally, the same in every culture: the Turkish dotted capital I and dotless small i are
    // other letters, never I or i (a culture-aware match under tr-TR would take DEAL_ID for deal_ıd's twin).
    [Theory]
    [InlineData("DEAL_ID", true)]
    [InlineData(" Deal_Id\t", true)]
    [InlineData("DEAL_\u0130D", false)]
    [InlineData("deal_\u0131d", false)]
    public void Headers_match_ignoring_case_the_same_in_every_culture(string header, bool matches)
    {
        var text =
            $"{header},owner,amount,currency,stage,created_at,expected_close\nD1,alice,10,USD,proposal,2025-03-13T13:36:13Z,2025-06-30\n";

        if (matches)
        {
            Assert.Equal(
                "D1",
                Assert.Single(DealCsv.Read(PipelineDefinition.Default, CanonicalWriter.Utf8(text), null, AsOf).Deals).Id.Value
            );
        }
        else
        {
            Assert.StartsWith(
                "The deals file's header has no column \"deal_id\"",
                Assert.Single(Refused(text).Errors).Reason,
                StringComparison.Ordinal
            );
        }
    }

    // "A cell that is empty or only white space is missing" (csv.md): a no-break space, as spreadsheets write, too. The
    // optional typed cells were rejected as bad values instead; the required ones say they are missing.
    [Fact]
    public void A_deals_cell_of_unicode_white_space_is_missing()
    {
        const string header = "deal_id,owner,amount,currency,stage,status,created_at,expected_close,probability,category,stage_entered_at";

        var result = DealCsv.Read(
            PipelineDefinition.Default,
            CanonicalWriter.Utf8(
                $"{header}\nD1,alice,10,USD,proposal,\u00a0,2025-03-13T13:36:13Z,2025-06-30,\u00a0,\u2007,\u00a0\nD2,bob,\u00a0,USD,proposal,,2025-03-13T13:36:13Z,\u00a0,,,\n"
            ),
            null,
            AsOf
        );

        var deal = Assert.Single(result.Deals);
        Assert.Equal(
            ("D1", SalesPipeline.Deals.DealStatus.Open, null, null),
            (deal.Id.Value, deal.Status, deal.ProbabilityOverride, deal.CategoryOverride)
        );
        Assert.Equal(
            [("amount", "Every deal has an amount."), ("expected_close", "Every deal has an expected close date.")],
            result.Errors.Select(e => (e.Column!, e.Reason))
        );
    }

    // Columns that are not read may repeat (a report's two "Notes" columns): nothing is ambiguous.
    [Fact]
    public void An_unread_column_named_twice_is_ignored()
    {
        var result = DealCsv.Read(
            PipelineDefinition.Default,
            CanonicalWriter.Utf8(
                "deal_id,owner,amount,currency,stage,created_at,expected_close,notes,notes\nD1,alice,10,USD,proposal,2025-03-13T13:36:13Z,2025-06-30,a,b\n"
            ),
            null,
            AsOf
        );

        Assert.Equal(Money.Of(10m, Currency.USD), Assert.Single(result.Deals).Amount);
    }

    // Excel's "sep=;" first line sets the delimiter and is not the header, with the delimiter detected or set.
    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(false, ';')]
    public void An_excel_sep_line_sets_the_delimiter_and_is_skipped(bool bom, char? delimiter)
    {
        var result = DealCsv.Read(
            PipelineDefinition.Default,
            CanonicalWriter.Utf8(
                "sep=;\ndeal_id;owner;amount;currency;stage;created_at;expected_close\nD1;alice;\"1250,50\";EUR;proposal;2025-03-13T13:36:13Z;2025-06-30\n",
                bom
            ),
            null,
            AsOf,
            new CsvReadOptions { Delimiter = delimiter, Culture = Decimals(",") }
        );

        Assert.Equal("deals: read 1, accepted 1, rejected 0; history: read 0, accepted 0, rejected 0", result.ToString());
        Assert.Equal(Money.Of(1250.50m, Currency.EUR), result.Deals[0].Amount);
        // The first row is on line 3: the sep line is line 1, the header line 2.
        Assert.Equal(
            3,
            DealCsv
                .Read(
                    PipelineDefinition.Default,
                    CanonicalWriter.Utf8(
                        "sep=;\ndeal_id;owner;amount;currency;stage;created_at;expected_close\nD1;alice;x;EUR;proposal;2025-03-13T13:36:13Z;2025-06-30\n",
                        bom
                    ),
                    null,
                    AsOf,
                    new CsvReadOptions { Delimiter = delimiter }
                )
                .Errors[0]
                .Line
        );
    }

    // A sep line that names another delimiter than CsvReadOptions.Delimiter is not skipped (the delimiter set wins): the
    // refusal says why, rather than listing "sep=;" as the header's only column.
    [Fact]
    public void A_sep_line_naming_another_delimiter_than_the_one_set_refuses_the_file_saying_so()
    {
        var e = Refused(
            "sep=;\ndeal_id,owner,amount,currency,stage,created_at,expected_close\nD1,alice,10,USD,proposal,2025-03-13T13:36:13Z,2025-06-30\n",
            new CsvReadOptions { Delimiter = ',' }
        );

        var error = Assert.Single(e.Errors);
        Assert.Equal(("deals", 1L, "sep=;"), (error.File, error.Line, error.Value));
        Assert.Equal(
            "The deals file starts with Excel's line \"sep=;\", which names another delimiter than CsvReadOptions.Delimiter (','): leave Delimiter unset to follow the file, or set it to the file's.",
            error.Reason
        );
    }

    private static System.Globalization.CultureInfo Decimals(string separator)
    {
        var culture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = separator;
        culture.NumberFormat.NumberGroupSeparator = ".";
        return culture;
    }
}
