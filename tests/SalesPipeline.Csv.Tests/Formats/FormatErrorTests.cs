using System.IO;
using System.Text;
using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using static SalesPipeline.Csv.Tests.Support.Exports;

namespace SalesPipeline.Csv.Tests.Formats;

// Bad input in each CRM format: what refuses the file (CsvImportException at the header, ArgumentException for a history
// file the format cannot have) and what is one row's error.
public class FormatErrorTests
{
    private const string SalesforceHeader =
        "\"Opportunity Owner\",\"Opportunity Name\",\"Amount Currency\",\"Amount\",\"Close Date\",\"Created Date\",\"Stage\",\"Opportunity ID\"";

    private const string SalesforceRow =
        "\"Jane Doe\",\"Acme\",\"USD\",\"1,000.00\",\"3/31/2026\",\"1/5/2026\",\"Prospecting\",\"0065g00000XYZ01\"";

    private static CsvImportResult Read(PipelineDefinitionKind kind, string deals, string? history = null, CsvReadOptions? options = null)
    {
        var (pipeline, defaults) = kind switch
        {
            PipelineDefinitionKind.Salesforce => (Salesforce, SalesforceOptions),
            PipelineDefinitionKind.HubSpot => (HubSpot, HubSpotOptions),
            _ => (Pipedrive, PipedriveOptions),
        };
        return Exports.Read(
            pipeline,
            Encoding.UTF8.GetBytes(deals),
            history is null ? null : Encoding.UTF8.GetBytes(history),
            options ?? defaults
        );
    }

    public enum PipelineDefinitionKind
    {
        Salesforce,
        HubSpot,
        Pipedrive,
    }

    [Fact]
    public void A_missing_required_header_refuses_the_file_naming_the_format_header()
    {
        var e = Assert.Throws<CsvImportException>(() =>
            Read(PipelineDefinitionKind.Salesforce, SalesforceHeader.Replace(",\"Opportunity ID\"", "") + "\n")
        );

        var error = Assert.Single(e.Errors);
        Assert.Equal(("deals", 1L, "Opportunity ID"), (error.File, error.Line, error.Column));
        Assert.StartsWith(
            "The deals file's header has no column \"Opportunity ID\", which is required",
            error.Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_missing_header_with_aliases_names_them_all()
    {
        var e = Assert.Throws<CsvImportException>(() =>
            Read(PipelineDefinitionKind.Pipedrive, "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Stage,Deal - Status\n")
        );

        Assert.StartsWith(
            "The deals file's header has no column \"Deal - Deal created\" or \"Deal - Creation date\", which is required",
            Assert.Single(e.Errors).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Lines_after_the_footer_blank_that_are_not_footer_lines_are_rejected_rows()
    {
        var text =
            SalesforceHeader
            + "\n"
            + SalesforceRow
            + "\n\n\"Grand Totals (1 records)\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n\"Exported for the board\"\n"
            + SalesforceRow.Replace("XYZ01", "XYZ02")
            + "\n\"Confidential Information - Do Not Distribute\"\n";

        var result = Read(PipelineDefinitionKind.Salesforce, text);

        // The data row after the blank line (line 6) is junk too: the report's rows end at the blank line.
        Assert.Equal(new CsvRowCounts(3, 1, 2), result.DealRows);
        Assert.Equal([5L, 6L], result.Errors.Select(e => e.Line));
        Assert.Equal("\"Exported for the board\"", result.Errors[0].Value);
        Assert.StartsWith(
            "After the report's rows and the blank line that ends them, only the report's footer may follow",
            result.Errors[1].Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Without_a_footer_format_a_one_field_line_is_a_malformed_row()
    {
        // The canonical format knows no footer: the same line is a row with the wrong number of fields.
        var result = Sample.Read(
            "deal_id,owner,amount,currency,stage,created_at,expected_close\nD1,alice,1,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n\n\"Confidential Information - Do Not Distribute\"\n"
        );

        Assert.Equal(new CsvRowCounts(2, 1, 1), result.DealRows);
        Assert.Equal(4L, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void A_header_given_in_columns_wins_over_the_formats()
    {
        var text = SalesforceHeader + ",\"Legacy ID\"\n" + SalesforceRow + ",\"L-1\"\n";
        var options = SalesforceOptions with { Columns = new Dictionary<string, string> { ["deal_id"] = "Legacy ID" } };

        var result = Read(PipelineDefinitionKind.Salesforce, text, options: options);

        Assert.Equal("L-1", Assert.Single(result.Deals).Id.Value);
    }

    [Fact]
    public void A_history_without_to_stage_takes_stage_as_the_stage_entered()
    {
        const string history = """
            "Opportunity ID","Edit Date","Stage","Edited By"
            "0065g00000XYZ01","1/5/2026 9:00 AM","Prospecting","Jane Doe"
            "0065g00000XYZ01","1/9/2026 12:00 PM","Qualification","Jane Doe"
            """;
        var deals = SalesforceHeader + "\n" + SalesforceRow.Replace("\"Prospecting\"", "\"Qualification\"") + "\n";

        var result = Read(PipelineDefinitionKind.Salesforce, deals, history);

        // 9:00 AM and 12:00 PM in Los Angeles (UTC-8) are 17:00Z and 20:00Z.
        Assert.Equal(
            [("prospecting", Utc(2026, 1, 5, 17, 0)), ("qualification", Utc(2026, 1, 9, 20, 0))],
            Path(Assert.Single(result.Deals))
        );
    }

    [Fact]
    public void A_stage_column_for_an_unknown_stage_refuses_the_file()
    {
        const string deals =
            "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,\"Date entered \"\"Verbal Yes (Sales Pipeline)\"\"\"\n"
            + "1,Acme,Contract Sent,100,2026-03-31 17:00,2026-01-05 09:00,Jane Doe,2026-02-01 09:00\n";

        var e = Assert.Throws<CsvImportException>(() => Read(PipelineDefinitionKind.HubSpot, deals));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("deals", 1L, "Date entered \"Verbal Yes (Sales Pipeline)\""), (error.File, error.Line, error.Column));
        Assert.StartsWith(
            "The column gives the date deals entered the stage \"Verbal Yes\", which is unknown: No stage of pipeline \"Sales Pipeline\"",
            error.Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Stage_columns_map_through_the_stage_map_and_both_quote_kinds_give_one_entry()
    {
        // Legacy single-quoted and current double-quoted columns of one stage: the double-quoted one's value is the entry.
        const string deals =
            "Record ID,Deal Name,Deal Stage,Amount,Currency,Close Date,Create Date,Deal owner,Date entered 'Signed (Sales Pipeline)',\"Date entered \"\"Signed (Sales Pipeline)\"\"\",\"Date entered \"\"Demo (Sales Pipeline)\"\"\"\n"
            + "1,Acme,Signed,100,EUR,2026-03-31 17:00,2026-01-05 09:00,Jane Doe,2026-02-01 09:00,2026-02-02 09:00,2026-01-05 09:00\n";
        var options = HubSpotOptions with
        {
            Stages = new Dictionary<string, string> { ["Signed"] = "contract-sent", ["Demo"] = "presentation-scheduled" },
        };

        var result = Read(PipelineDefinitionKind.HubSpot, deals, options: options);

        var deal = Assert.Single(result.Deals);
        Assert.Equal(Money.Of(100m, Currency.EUR), deal.Amount);
        Assert.Equal([("presentation-scheduled", Utc(2026, 1, 5, 14, 0)), ("contract-sent", Utc(2026, 2, 2, 14, 0))], Path(deal));
    }

    [Fact]
    public void A_history_file_is_refused_for_formats_without_one()
    {
        var deals = new MemoryStream();
        var history = new MemoryStream();

        Assert.Equal(
            "history",
            Assert.Throws<ArgumentException>(() => DealCsv.Read(HubSpot, deals, history, AsOf, HubSpotOptions)).ParamName
        );
        Assert.Equal(
            "historyPath",
            Assert
                .Throws<ArgumentException>(() => DealCsv.ReadFiles(Pipedrive, "deals.csv", "history.csv", AsOf, PipedriveOptions))
                .ParamName
        );
    }

    [Fact]
    public void The_currency_alias_and_a_percent_probability_are_read()
    {
        const string deals = """
            Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Stage,Deal - Status,Deal - Creation date,Deal - Expected close date,Deal - Probability
            7,Acme,Ana,1000,CHF,Qualified,open,2026-01-05 09:00:00,2026-03-31,35
            8,Beta,Ana,1000,CHF,Qualified,open,2026-01-05 09:00:00,2026-03-31,10
            """;
        var options = PipedriveOptions with { Columns = new Dictionary<string, string> { ["probability"] = "Deal - Probability" } };

        var result = Read(PipelineDefinitionKind.Pipedrive, deals, options: options);

        // 35 % is an override of Qualified's 10 %; 10 % is Qualified's own, so no override.
        Assert.Equal([(decimal?)0.35m, null], result.Deals.Select(d => d.ProbabilityOverride));
        Assert.Equal(Currency.FromCode("CHF"), result.Deals[0].Amount.Currency);
    }

    [Fact]
    public void A_format_outside_the_enum_is_refused()
    {
        Assert.Equal("Format", Assert.Throws<ArgumentOutOfRangeException>(() => new CsvReadOptions { Format = (CsvFormat)9 }).ParamName);
        Assert.Equal(CsvFormat.Canonical, new CsvReadOptions().Format);
    }
}
