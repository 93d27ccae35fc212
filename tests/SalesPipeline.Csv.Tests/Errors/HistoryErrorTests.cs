using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.Errors;

// The history file's rules: each broken rule is reported on its history line, and the deal it belongs to is rejected
// with every row of it (a deal is never imported with part of its history).
public class HistoryErrorTests
{
    private const string Deals = """
        deal_id,owner,amount,currency,stage,status,created_at,expected_close,closed_at
        D1,alice,100,USD,proposal,open,2025-03-01T00:00:00Z,2025-06-30,
        D2,bob,200,USD,won,won,2025-03-01T00:00:00Z,2025-06-30,2025-05-01T00:00:00Z
        """;

    private const string HistoryHeader = "deal_id,at,kind,from_stage,to_stage,by";

    private const string GoodD2 = """
        D2,2025-03-01T00:00:00Z,created,,qualified,
        D2,2025-05-01T00:00:00Z,won,qualified,won,
        """;

    private static CsvImportResult WithD1History(string rows) => Sample.Read(Deals, $"{HistoryHeader}\n{GoodD2}\n{rows}\n");

    [Fact]
    public void A_history_row_for_a_deal_not_in_the_deals_file_is_rejected_alone()
    {
        var result = WithD1History("D9,2025-03-01T00:00:00Z,created,,prospecting,");

        Sample.Counts(result, (2, 2, 0), (3, 2, 1));
        Assert.Equal(
            new CsvRowError("history", 4, "deal_id", "D9", "No row of the deals file has this deal id."),
            Assert.Single(result.Errors)
        );
    }

    [Fact]
    public void A_from_stage_that_is_not_where_the_deal_was_rejects_the_deal_and_its_rows()
    {
        // Sorted by time: created in prospecting (line 5), then a move "from qualified" (line 4): it was in prospecting.
        var result = WithD1History(
            """
            D1,2025-04-01T00:00:00Z,moved,qualified,proposal,
            D1,2025-03-01T00:00:00Z,created,,prospecting,
            """
        );

        Sample.Counts(result, (2, 1, 1), (4, 2, 2));
        var cause = new CsvRowError(
            "history",
            4,
            "from_stage",
            "qualified",
            "The deal was in \"prospecting\" before this row (history line 5), not in this stage."
        );
        Assert.Equal(
            [
                new CsvRowError("deals", 2, null, null, $"Its history is rejected: {cause}"),
                cause,
                new CsvRowError("history", 5, null, null, $"Rejected with its deal (deals line 2): {cause}"),
            ],
            result.Errors
        );
        Assert.Equal("D2", Assert.Single(result.Deals).Id.Value);
    }

    [Fact]
    public void A_win_in_the_history_of_a_deal_whose_row_says_open_is_reported_on_the_history_line()
    {
        var result = WithD1History(
            """
            D1,2025-03-01T00:00:00Z,created,,prospecting,
            D1,2025-04-01T00:00:00Z,won,prospecting,won,
            """
        );

        Assert.Contains(
            new CsvRowError(
                "history",
                5,
                "to_stage",
                "won",
                "The history ends with the deal won, but its row (deals line 2) says it is open."
            ),
            result.Errors
        );
        Sample.Counts(result, (2, 1, 1), (4, 2, 2));
    }

    [Fact]
    public void A_close_at_another_instant_than_the_rows_closed_at_is_reported()
    {
        var result = Sample.Read(
            Deals,
            $"{HistoryHeader}\nD2,2025-03-01T00:00:00Z,created,,qualified,\nD2,2025-05-02T00:00:00Z,won,qualified,won,\n"
        );

        Assert.Contains(
            new CsvRowError(
                "history",
                3,
                "at",
                "2025-05-02T00:00:00Z",
                "The deal was won at this instant by its history, but at 2025-05-01T00:00:00Z by its row's closed_at (deals line 3)."
            ),
            result.Errors
        );
        Sample.Counts(result, (2, 1, 1), (2, 0, 2));
    }

    [Fact]
    public void Two_wins_are_rejected_by_the_import_on_the_second()
    {
        // won, won (the second is at the close, so the CSV checks pass): Core's import finds the impossible order.
        var result = Sample.Read(
            Deals,
            $"{HistoryHeader}\nD2,2025-03-01T00:00:00Z,created,,qualified,\nD2,2025-04-01T00:00:00Z,,,won,\nD2,2025-05-01T00:00:00Z,,,won,\n"
        );

        Assert.Contains(
            new CsvRowError(
                "history",
                4,
                "to_stage",
                "won",
                "The deal is already won; only reopening into an open stage can follow a win or a loss."
            ),
            result.Errors
        );
        Sample.Counts(result, (2, 1, 1), (3, 0, 3));
    }

    [Fact]
    public void A_move_before_the_creation_is_rejected_by_the_import_on_its_instant()
    {
        var result = WithD1History("D1,2025-02-01T00:00:00Z,moved,,proposal,");

        Assert.Contains(
            new CsvRowError(
                "history",
                4,
                "at",
                "2025-02-01T00:00:00Z",
                "A deal cannot change stage before it was created (2025-03-01T00:00:00Z)."
            ),
            result.Errors
        );
    }

    [Fact]
    public void A_history_row_that_does_not_parse_rejects_its_deal_too()
    {
        var result = WithD1History(
            """
            D1,2025-03-01T00:00:00Z,created,,prospecting,
            D1,2025-04-01,moved,prospecting,proposal,
            """
        );

        Sample.Counts(result, (2, 1, 1), (4, 2, 2));
        var cause = new CsvRowError("history", 5, "at", "2025-04-01", Reading.Values.InstantRule);
        Assert.Equal(
            [
                new CsvRowError("deals", 2, null, null, $"Its history is rejected: {cause}"),
                new CsvRowError("history", 4, null, null, $"Rejected with its deal (deals line 2): {cause}"),
                cause,
            ],
            result.Errors
        );
    }

    [Fact]
    public void History_rows_of_a_rejected_deal_row_are_rejected_naming_it()
    {
        var result = Sample.Read(
            "deal_id,owner,amount,currency,stage,created_at,expected_close\nD1,alice,100,USD,closing,2025-03-01T00:00:00Z,2025-06-30\n",
            $"{HistoryHeader}\nD1,2025-03-01T00:00:00Z,created,,prospecting,\n"
        );

        Sample.Counts(result, (1, 0, 1), (1, 0, 1));
        Assert.Equal(new CsvRowError("history", 2, "deal_id", "D1", "The deal's row (deals line 2) is rejected."), result.Errors[1]);
    }

    [Theory]
    [InlineData(
        "D1,2025-04-01T00:00:00Z,moved,prospecting,won,",
        "to_stage",
        "won",
        "A move goes from an open stage to another open stage; use won, lost or reopened for the others."
    )]
    [InlineData("D1,2025-04-01T00:00:00Z,lost,prospecting,proposal,", "to_stage", "proposal", "A loss enters the Lost stage (\"lost\").")]
    [InlineData(
        "D1,2025-04-01T00:00:00Z,reopened,prospecting,proposal,",
        "to_stage",
        "proposal",
        "Reopening takes a won or lost deal back into an open stage."
    )]
    [InlineData(
        "D1,2025-04-01T00:00:00Z,created,,proposal,",
        "kind",
        "created",
        "A deal is created once, before the rest of its history; history line 4 is earlier."
    )]
    public void A_kind_that_cannot_follow_is_reported(string row, string column, string value, string reason)
    {
        var result = WithD1History($"D1,2025-03-01T00:00:00Z,created,,prospecting,\n{row}");

        Assert.Contains(new CsvRowError("history", 5, column, value, reason), result.Errors);
        Sample.Counts(result, (2, 1, 1), (4, 2, 2));
    }

    [Fact]
    public void A_history_file_cut_mid_row_rejects_the_deal_of_the_cut_row()
    {
        // The last row lost its to_stage: a malformed row, whose deal id is still read from its text, so D2 is not
        // imported with a history one row short.
        var result = Sample.Read(Deals, $"{HistoryHeader}\nD2,2025-03-01T00:00:00Z,created,,qualified,\nD2,2025-05-01T00:00:00Z,wo");

        Sample.Counts(result, (2, 1, 1), (2, 0, 2));
        var cause = new CsvRowError(
            "history",
            3,
            null,
            "D2,2025-05-01T00:00:00Z,wo",
            "The row has a different number of fields than the header (6)."
        );
        Assert.Equal(
            [
                new CsvRowError("deals", 3, null, null, $"Its history is rejected: {cause}"),
                new CsvRowError("history", 2, null, null, $"Rejected with its deal (deals line 3): {cause}"),
                cause,
            ],
            result.Errors
        );
    }

    [Fact]
    public void History_rows_of_a_malformed_deal_row_name_that_row()
    {
        var result = Sample.Read(
            "deal_id,owner,amount,currency,stage,created_at,expected_close\nD1,alice,100,USD,proposal\nD1,bob,5,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n",
            $"{HistoryHeader}\nD1,2025-03-01T00:00:00Z,created,,prospecting,\n"
        );

        Sample.Counts(result, (2, 0, 2), (1, 0, 1));
        Assert.Equal(
            [
                new CsvRowError(
                    "deals",
                    2,
                    null,
                    "D1,alice,100,USD,proposal",
                    "The row has a different number of fields than the header (7)."
                ),
                new CsvRowError("deals", 3, "deal_id", "D1", "Deal ids are unique; deals line 2 has the same id."),
                new CsvRowError("history", 2, "deal_id", "D1", "The deal's row (deals line 2) is rejected."),
            ],
            result.Errors
        );
    }
}
