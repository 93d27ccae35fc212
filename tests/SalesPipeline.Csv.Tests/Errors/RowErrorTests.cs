using NodaTime;
using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.Errors;

// Each rule of docs/csv.md broken once, in a file whose other rows are good: the error names the row's physical line,
// the column's header, the raw text and the rule, and the good rows are still imported.
public class RowErrorTests
{
    private const string Header = "deal_id,owner,amount,currency,stage,created_at,expected_close";
    private const string Good = "G1,alice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30";

    // The header, a good row (line 2), the bad row (line 3), another good row (line 4).
    // The good rows get an empty cell for each column a test adds to the header.
    private static CsvImportResult WithBadRow(string bad, CsvReadOptions? options = null, string header = Header)
    {
        var good = Good + new string(',', header.Count(c => c == ',') - Header.Count(c => c == ','));
        return Sample.Read($"{header}\n{good}\n{bad}\n{good.Replace("G1", "G2", StringComparison.Ordinal)}\n", options: options);
    }

    private static CsvRowError OnlyError(CsvImportResult result)
    {
        Sample.Counts(result, (3, 2, 1), (0, 0, 0));
        Assert.Equal(["G1", "G2"], result.Deals.Select(d => d.Id.Value));
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void An_unknown_stage_is_reported_with_the_pipelines_stages()
    {
        var error = OnlyError(WithBadRow("B,alice,100,USD,closing,2025-03-01T00:00:00Z,2025-06-30"));

        Assert.Equal(
            new CsvRowError(
                "deals",
                3,
                "stage",
                "closing",
                "No stage of pipeline \"Default\" has this id or name; its stages are prospecting (Prospecting), qualified (Qualified), proposal (Proposal), negotiation (Negotiation), won (Won), lost (Lost)."
            ),
            error
        );
    }

    [Fact]
    public void A_currency_in_lower_case_is_not_guessed()
    {
        var error = OnlyError(WithBadRow("B,alice,100,usd,proposal,2025-03-01T00:00:00Z,2025-06-30"));

        Assert.Equal(
            new CsvRowError(
                "deals",
                3,
                "currency",
                "usd",
                "The currency is not an active ISO 4217 code (three capital letters, such as USD)."
            ),
            error
        );
    }

    [Fact]
    public void A_row_without_currency_needs_the_default_currency()
    {
        var error = OnlyError(WithBadRow("B,alice,100,,proposal,2025-03-01T00:00:00Z,2025-06-30"));
        Assert.Equal(
            new CsvRowError(
                "deals",
                3,
                "currency",
                "",
                "Every amount has a currency: this row has none and CsvReadOptions.DefaultCurrency is not set."
            ),
            error
        );

        var withDefault = WithBadRow(
            "B,alice,100,,proposal,2025-03-01T00:00:00Z,2025-06-30",
            new CsvReadOptions { DefaultCurrency = Currency.EUR }
        );
        Assert.True(withDefault.IsComplete);
        Assert.Equal(Money.Of(100m, Currency.EUR), withDefault.Deals[1].Amount);
    }

    [Fact]
    public void An_owner_missing_from_the_owner_map_is_reported_and_a_known_one_is_mapped()
    {
        var options = new CsvReadOptions { Owners = new Dictionary<string, string> { ["alice"] = "alice@example.com" } };

        var error = OnlyError(WithBadRow("B,mallory,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30", options));

        Assert.Equal(new CsvRowError("deals", 3, "owner", "mallory", "The owner is not in CsvReadOptions.Owners."), error);
        Assert.Equal("alice@example.com", WithBadRow("B,mallory,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30", options).Deals[0].Owner);
    }

    [Theory]
    [InlineData("12,5", "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators).")]
    [InlineData("1,250.00", "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators).")]
    [InlineData("1e3", "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators).")]
    [InlineData("$100", "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators).")]
    [InlineData("1.00000000000000000000000000001", "A number has at most 28 significant digits (a decimal would round it).")]
    [InlineData("100000000000000000", "An amount in USD is at most 10000000000000000 either way.")]
    public void An_amount_that_is_not_an_exact_decimal_in_range_is_reported(string amount, string reason)
    {
        var error = OnlyError(WithBadRow($"B,alice,\"{amount}\",USD,proposal,2025-03-01T00:00:00Z,2025-06-30"));

        Assert.Equal(new CsvRowError("deals", 3, "amount", amount, reason), error);
    }

    [Fact]
    public void An_amount_finer_than_the_minor_unit_is_kept_exactly_never_rounded()
    {
        // Core's import accepts any non-negative amount, so USD 10.125 stays 10.125 (Money rounds only when asked).
        var result = WithBadRow("B,alice,10.125,USD,proposal,2025-03-01T00:00:00Z,2025-06-30");

        Assert.True(result.IsComplete);
        Assert.Equal(10.125m, result.Deals[1].Amount.Amount);
        Assert.False(result.Deals[1].Amount.IsRoundedToMinorUnit);
    }

    [Fact]
    public void A_second_row_with_an_id_already_read_is_rejected_naming_the_first()
    {
        var error = OnlyError(WithBadRow("G1,bob,5,USD,proposal,2025-03-01T00:00:00Z,2025-06-30"));

        Assert.Equal(new CsvRowError("deals", 3, "deal_id", "G1", "Deal ids are unique; deals line 2 has the same id."), error);
    }

    [Theory]
    [InlineData(
        "created_at",
        "2025-02-30T00:00:00Z",
        "The date or time does not exist: months 1-12, the month's days, hours 0-23, minutes and seconds 0-59."
    )]
    [InlineData(
        "created_at",
        "2025-03-01T24:00:00Z",
        "The date or time does not exist: months 1-12, the month's days, hours 0-23, minutes and seconds 0-59."
    )]
    [InlineData("created_at", "01/03/2025 10:00", Reading.Values.InstantRule)]
    [InlineData("created_at", "2025-03-01T10:00:00+19:00", "An offset is at most 18 hours either way, with minutes 0-59.")]
    [InlineData("created_at", "2025-03-01T10:00:00.1234567891Z", "An instant has at most 9 decimals of a second (nanoseconds).")]
    [InlineData("expected_close", "2025-13-01", "The date does not exist: months 1-12 and the month's days.")]
    [InlineData("expected_close", "30.06.2025", "A date is ISO yyyy-MM-dd, such as 2025-03-13.")]
    public void A_date_or_instant_that_does_not_parse_or_exist_is_reported(string column, string value, string reason)
    {
        var created = column == "created_at" ? value : "2025-03-01T00:00:00Z";
        var close = column == "expected_close" ? value : "2025-06-30";

        var error = OnlyError(WithBadRow($"B,alice,100,USD,proposal,{created},{close}"));

        Assert.Equal(new CsvRowError("deals", 3, column, value, reason), error);
    }

    [Fact]
    public void Every_bad_cell_of_a_row_is_reported_and_the_row_counted_once()
    {
        var result = WithBadRow("B,,abc,ABC,nowhere,yesterday,soon");

        Sample.Counts(result, (3, 2, 1), (0, 0, 0));
        Assert.Equal(
            [
                ("owner", ""),
                ("currency", "ABC"),
                ("amount", "abc"),
                ("stage", "nowhere"),
                ("created_at", "yesterday"),
                ("expected_close", "soon"),
            ],
            result.Errors.Select(e => (e.Column!, e.Value!))
        );
        Assert.All(result.Errors, e => Assert.Equal(3, e.Line));
    }

    [Fact]
    public void A_status_that_is_not_a_status_and_a_category_that_is_not_a_category_are_reported()
    {
        var result = WithBadRow(
            "B,alice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30,pending,likely",
            header: Header + ",status,category"
        );

        Assert.Equal(
            [
                new CsvRowError("deals", 3, "status", "pending", "The status is open, won, lost or stopped."),
                new CsvRowError("deals", 3, "category", "likely", "The category is pipeline, best_case, commit or omitted."),
            ],
            result.Errors
        );
    }

    [Fact]
    public void A_rule_of_the_import_is_reported_on_the_cell_it_concerns()
    {
        // Created after the export was taken (asOf 2025-12-01): Core's import rejects it; the CSV error quotes the cell as
        // written (with its offset), not as the import formats it.
        var error = OnlyError(WithBadRow("B,alice,100,USD,proposal,2025-12-02T09:00:00+02:00,2026-06-30"));

        Assert.Equal(
            new CsvRowError(
                "deals",
                3,
                "created_at",
                "2025-12-02T09:00:00+02:00",
                "The deal cannot be created after the import's asOf instant 2025-12-01T00:00:00Z."
            ),
            error
        );
    }

    [Fact]
    public void A_status_that_disagrees_with_the_stage_is_the_imports_error_on_the_status_cell()
    {
        var result = WithBadRow("B,alice,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30,won", header: Header + ",status");

        Sample.Counts(result, (3, 2, 1), (0, 0, 0));
        Assert.Equal(
            [
                new CsvRowError(
                    "deals",
                    3,
                    "status",
                    "won",
                    "A deal with status Won is in the Won stage (\"won\"); stage \"proposal\" is an open stage."
                ),
                // The file has no closed_at column: the error names the canonical column and has no value.
                new CsvRowError("deals", 3, "closed_at", null, "A Won deal needs the instant it was won."),
            ],
            result.Errors
        );
    }

    [Fact]
    public void A_local_time_that_a_clock_change_skips_is_reported_not_shifted()
    {
        // Europe/Berlin moved from 02:00 to 03:00 on 2025-03-30: 02:30 does not exist there.
        var options = new CsvReadOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] };

        var error = OnlyError(WithBadRow("B,alice,100,USD,proposal,2025-03-30 02:30,2025-06-30", options));

        Assert.Equal(
            new CsvRowError(
                "deals",
                3,
                "created_at",
                "2025-03-30 02:30",
                "This local time does not exist in Europe/Berlin: the clocks skip it (a daylight-saving change). Write it with an offset."
            ),
            error
        );
        // 2025-03-01 00:00 in Berlin (UTC+1) is 2025-02-28T23:00Z.
        Assert.Equal(
            Instant.FromUtc(2025, 2, 28, 23, 0),
            WithBadRow("B,alice,100,USD,proposal,2025-03-01 00:00,2025-06-30", options).Deals[1].CreatedAt
        );
    }

    [Fact]
    public void A_missing_required_column_ends_the_import_naming_the_header_and_the_file()
    {
        var e = Assert.Throws<CsvImportException>(() =>
            Sample.Read("deal_id,amount,currency,stage,created_at,expected_close\nB,1,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n")
        );

        var error = Assert.Single(e.Errors);
        Assert.Equal(("deals", 1L, "owner", (string?)null), (error.File, error.Line, error.Column, error.Value));
        Assert.Equal(
            "The deals file's header has no column \"owner\", which is required; its columns are deal_id, amount, currency, stage, created_at, expected_close.",
            error.Reason
        );
    }

    [Fact]
    public void An_empty_file_ends_the_import()
    {
        var e = Assert.Throws<CsvImportException>(() => Sample.Read(""));

        Assert.Equal(
            new CsvRowError("deals", 1, "deal_id", null, "The deals file is empty: it needs a header with the column \"deal_id\"."),
            Assert.Single(e.Errors)
        );
    }

    [Fact]
    public void Stop_at_first_error_throws_that_error()
    {
        var e = Assert.Throws<CsvImportException>(() =>
            WithBadRow("B,alice,100,USD,closing,2025-03-01T00:00:00Z,2025-06-30", new CsvReadOptions { StopAtFirstError = true })
        );

        var error = Assert.Single(e.Errors);
        Assert.Equal((3L, "stage", "closing"), (error.Line, error.Column, error.Value));
        Assert.StartsWith("CSV import failed: deals line 3, stage = \"closing\": No stage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDealsOrThrow_lists_every_error()
    {
        var result = WithBadRow("B,alice,100,USD,closing,2025-03-01T00:00:00Z,2025-06-30");

        var e = Assert.Throws<CsvImportException>(() => result.GetDealsOrThrow());
        Assert.Equal(result.Errors, e.Errors);
        Assert.Equal(
            "deals: read 3, accepted 2, rejected 1; history: read 0, accepted 0, rejected 0\n" + result.Errors[0],
            result.ToString()
        );
    }

    [Fact]
    public void An_error_reads_on_one_line()
    {
        Assert.Equal("deals line 2, name = \"Acme\\nBerlin\": x.", new CsvRowError("deals", 2, "name", "Acme\nBerlin", "x.").ToString());
        Assert.Equal("history line 7: x.", new CsvRowError("history", 7, null, null, "x.").ToString());
    }
}
