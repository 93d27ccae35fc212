using System.IO;
using System.Text;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests.Errors;

// Text that is not good CSV: each bad row becomes a row error (its line, the raw row, the problem) and the rows around it
// are still read; nothing throws.
public class MalformedCsvTests
{
    private const string Header = "deal_id,owner,amount,currency,stage,created_at,expected_close";

    [Fact]
    public void A_row_with_missing_fields_is_reported_with_its_text()
    {
        var result = Sample.Read(
            $"{Header}\nD1,alice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\nD2,bob,100\nD3,carol,5,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n"
        );

        Sample.Counts(result, (3, 2, 1), (0, 0, 0));
        Assert.Equal(
            new CsvRowError("deals", 3, null, "D2,bob,100", "The row has a different number of fields than the header (7)."),
            Assert.Single(result.Errors)
        );
    }

    [Fact]
    public void A_stray_quote_is_reported_and_reading_goes_on()
    {
        var result = Sample.Read(
            $"{Header}\nD1,al\"ice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\nD2,bob,5,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n"
        );

        Sample.Counts(result, (2, 1, 1), (0, 0, 0));
        var error = Assert.Single(result.Errors);
        Assert.Equal(
            (2L, "A quote inside an unquoted field: quote the whole field and double the quotes in it."),
            (error.Line, error.Reason)
        );
    }

    [Fact]
    public void A_file_cut_inside_a_quoted_field_reports_its_last_row()
    {
        var result = Sample.Read($"{Header}\nD1,alice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\nD2,\"bob,5,US");

        Sample.Counts(result, (2, 1, 1), (0, 0, 0));
        Assert.Equal(
            (3L, "A quoted field is never closed: the file ends inside it (truncated?)."),
            (result.Errors[0].Line, result.Errors[0].Reason)
        );
    }

    [Fact]
    public void A_file_cut_mid_row_reports_the_short_row()
    {
        var result = Sample.Read($"{Header}\nD1,alice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\nD2,bob,5,US");

        Sample.Counts(result, (2, 1, 1), (0, 0, 0));
        Assert.Equal(
            new CsvRowError("deals", 3, null, "D2,bob,5,US", "The row has a different number of fields than the header (7)."),
            Assert.Single(result.Errors)
        );
    }

    [Fact]
    public void Invalid_utf8_is_reported_on_its_cell()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Header}\nD1,ali\u00e9e,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n");
        // é is C3 A9 in UTF-8; a lone C3 followed by 'e' is not valid UTF-8.
        var at = Array.IndexOf(bytes, (byte)0xA9);
        bytes[at] = (byte)'e';

        var result = DealCsv.Read(PipelineDefinition.Default, new MemoryStream(bytes), null, Sample.AsOf);

        Sample.Counts(result, (1, 0, 1), (0, 0, 0));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("owner", "ali\uFFFDee"), (error.Column, error.Value));
        Assert.StartsWith("The text is not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_with_line_breaks_and_commas_keep_the_line_numbers_of_the_file()
    {
        // Row 1 spans lines 2-4 (two line breaks inside its name); the bad row 2 starts on line 5.
        var result = Sample.Read(
            "deal_id,name,owner,amount,currency,stage,created_at,expected_close\n"
                + "D1,\"Acme, Inc.\nBerlin\n\"\"HQ\"\"\",alice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n"
                + "D2,Beta,bob,100,USD,closing,2025-03-01T00:00:00Z,2025-06-30\n"
        );

        Assert.Equal("Acme, Inc.\nBerlin\n\"HQ\"", result.Deals[0].Name);
        Assert.Equal((5L, "closing"), (Assert.Single(result.Errors).Line, result.Errors[0].Value));
    }
}
