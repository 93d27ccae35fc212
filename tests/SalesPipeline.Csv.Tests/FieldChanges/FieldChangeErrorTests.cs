using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.FieldChanges;

// The rules of change rows: a bad cell is reported on its history line, column and value; a rule Core's import checks
// (the chain of values, a change of a won deal) is mapped back to the row and cell it came from; either way the deal is
// rejected with every row of it.
public class FieldChangeErrorTests
{
    private const string Deals = """
        deal_id,owner,amount,currency,stage,status,created_at,expected_close,closed_at
        D1,bob,15000,USD,proposal,open,2025-03-01T09:00:00Z,2025-06-30,
        D2,carol,900,EUR,won,won,2025-02-01T09:00:00Z,2025-04-30,2025-04-10T12:00:00Z
        """;

    private const string Header = "deal_id,at,kind,from_stage,to_stage,by,field,old_value,new_value";

    private const string D1Created = "D1,2025-03-01T09:00:00Z,created,,prospecting,,,,";

    private const string D2Rows = """
        D2,2025-02-01T09:00:00Z,created,,negotiation,,,,
        D2,2025-04-10T12:00:00Z,won,negotiation,won,,,,
        """;

    // The deal row's and the other rows' errors, given the cause.
    private static CsvRowError[] RejectedWith(CsvRowError cause, params long[] otherLines) =>
        [
            new CsvRowError("deals", 2, null, null, $"Its history is rejected: {cause}"),
            .. otherLines
                .Append(cause.Line)
                .Order()
                .Select(line =>
                    line == cause.Line
                        ? cause
                        : new CsvRowError("history", line, null, null, $"Rejected with its deal (deals line 2): {cause}")
                ),
        ];

    [Fact]
    public void A_change_that_does_not_start_where_the_one_before_ended_is_reported_on_its_old_value()
    {
        // Sorted: 10,000 -> 12,000 on 5 March, then "11,000" -> 15,000 on 25 March: Core's rule, on line 4's old_value.
        var result = Sample.Read(
            Deals,
            $"""
            {Header}
            {D1Created}
            D1,2025-03-05T10:00:00Z,changed,,,alice,amount,10000,12000
            D1,2025-03-25T10:00:00Z,changed,,,,amount,11000,15000
            D1,2025-04-02T10:00:00Z,moved,prospecting,proposal,carol,,,
            {D2Rows}
            """
        );

        var cause = new CsvRowError(
            "history",
            4,
            "old_value",
            "11000",
            "Each change starts from the value the change before ended with (USD 12,000.00)."
        );
        Assert.Equal(RejectedWith(cause, 2, 3, 5), result.Errors);
        Sample.Counts(result, (2, 1, 1), (6, 2, 4));
        Assert.Equal("D2", Assert.Single(result.Deals).Id.Value);
    }

    [Fact]
    public void A_change_of_a_won_deal_is_reported_on_its_instant()
    {
        var result = Sample.Read(
            Deals,
            $"""
            {Header}
            {D2Rows}
            D2,2025-04-11T00:00:00Z,changed,,,,amount,USD 1000,EUR 900
            """
        );

        var cause = new CsvRowError(
            "history",
            4,
            "at",
            "2025-04-11T00:00:00Z",
            "The deal is won at this instant (since 2025-04-10T12:00:00Z); a won or lost deal's amount and expected close date do not change (only its owner may), so this change cannot be an event of it."
        );
        Assert.Equal(new CsvRowError("deals", 3, null, null, $"Its history is rejected: {cause}"), result.Errors[0]);
        Assert.Equal(cause, result.Errors.Single(e => e.Line == 4));
        Sample.Counts(result, (2, 1, 1), (3, 0, 3));
    }

    [Fact]
    public void A_stage_change_from_a_stage_the_deal_was_not_in_is_reported_on_its_old_value()
    {
        var result = Sample.Read(
            Deals,
            $"""
            {Header}
            {D1Created}
            D1,2025-04-02T10:00:00Z,,,,carol,stage,qualified,proposal
            D1,2025-03-05T10:00:00Z,changed,,,alice,amount,10000,15000
            """
        );

        var cause = new CsvRowError(
            "history",
            3,
            "old_value",
            "qualified",
            "The deal was in \"prospecting\" before this row (history line 2), not in this stage."
        );
        Assert.Equal(RejectedWith(cause, 2, 4), result.Errors);
    }

    [Theory]
    [InlineData(
        "changed,,,,amount,\"12,000\",15000",
        "old_value",
        "12,000",
        "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators)."
    )]
    [InlineData(
        "changed,,,,amount,,15000",
        "old_value",
        "",
        "A change of amount has both its old and new values (when the export leaves the old one empty, as when a field is first filled in, the value the deal had before is unknown)."
    )]
    [InlineData(
        "changed,,,,amount,XYZ 10000,15000",
        "old_value",
        "XYZ 10000",
        "The currency is not an active ISO 4217 code (three capital letters, such as USD)."
    )]
    [InlineData(
        "changed,,,,expected_close,2025-13-01,2025-06-30",
        "old_value",
        "2025-13-01",
        "The date does not exist: months 1-12 and the month's days."
    )]
    // A cell of white space only (a no-break space too) is missing, in every reader.
    [InlineData(
        "changed,,,,owner,\u00a0,bob",
        "old_value",
        "\u00a0",
        "A change of owner has both its old and new values (when the export leaves the old one empty, as when a field is first filled in, the value the deal had before is unknown)."
    )]
    [InlineData("changed,,,,probability,0.2,0.5", "field", "probability", "The field is amount, expected_close, owner, stage or created.")]
    [InlineData("moved,,,,amount,10000,15000", "kind", "moved", "A change of amount is of kind changed.")]
    [InlineData(
        "changed,,proposal,,amount,10000,15000",
        "to_stage",
        "proposal",
        "A change of a field names its values in old_value and new_value; from_stage and to_stage belong to stage rows."
    )]
    [InlineData("changed,,,,,,", "field", "", "A changed row names its field: amount, expected_close, owner or stage.")]
    [InlineData(
        "moved,prospecting,proposal,,,10000,",
        "old_value",
        "10000",
        "A stage row has no old_value or new_value; those belong to a row with a field."
    )]
    [InlineData(
        "created,,,,created,,",
        "to_stage",
        "",
        "The stage the deal was created in is unknown: the next stage change does not say which stage it leaves; give to_stage."
    )]
    public void A_bad_cell_of_a_change_row_is_reported_and_rejects_the_deal(string cells, string column, string value, string reason)
    {
        // Line 2 is the row under test, at D1's creation; line 3 moves D1 into Proposal (without from_stage, so that a
        // creation that does not name its stage cannot take it from there).
        var result = Sample.Read(
            Deals,
            $"""
            {Header}
            D1,2025-03-01T09:00:00Z,{cells}
            D1,2025-04-02T10:00:00Z,moved,,proposal,carol,,,
            {D2Rows}
            """
        );

        var cause = Assert.Single(result.Errors, e => e.File == "history" && e.Column is not null);
        Assert.Equal(new CsvRowError("history", 2, column, value, reason), cause);
        Assert.Equal(new CsvRowError("deals", 2, null, null, $"Its history is rejected: {cause}"), result.Errors[0]);
        Sample.Counts(result, (2, 1, 1), (4, 2, 2));
    }

    [Fact]
    public void An_owner_not_in_the_owner_map_is_reported()
    {
        var options = new CsvReadOptions
        {
            Owners = new Dictionary<string, string>
            {
                ["alice"] = "alice",
                ["bob"] = "bob",
                ["carol"] = "carol",
            },
        };

        var result = Sample.Read(Deals, $"{Header}\n{D1Created}\nD1,2025-03-02T00:00:00Z,,,,,owner,alice,zed\n", options);

        Assert.Contains(new CsvRowError("history", 3, "new_value", "zed", "The owner is not in CsvReadOptions.Owners."), result.Errors);
        Assert.Equal(["D2"], result.Deals.Select(d => d.Id.Value));
    }

    [Fact]
    public void A_field_label_not_in_the_field_map_is_ignored_counted_and_rejected_with_its_deal()
    {
        var options = new CsvReadOptions { Fields = new Dictionary<string, string> { ["Amount"] = "amount" } };

        // D1's "Next Step" rows go with D1, rejected for its bad amount; D2's are accepted and counted.
        var result = Sample.Read(
            Deals,
            $"""
            {Header}
            {D1Created}
            D1,2025-03-02T00:00:00Z,,,,,Next Step,call,demo
            D1,2025-03-03T00:00:00Z,,,,,Amount,oops,15000
            {D2Rows}
            D2,2025-03-01T00:00:00Z,,,,,Next Step,,call
            D2,2025-03-02T00:00:00Z,,,,,Next Step,call,sign
            D2,2025-03-02T00:00:00Z,,,,,Probability (%),20%,90%
            """,
            options
        );

        Assert.Equal(new Dictionary<string, long> { ["Next Step"] = 2, ["Probability (%)"] = 1 }, result.IgnoredFields);
        Sample.Counts(result, (2, 1, 1), (8, 5, 3));
        var cause = Assert.Single(result.Errors, e => e.Column is not null);
        Assert.Equal(
            new CsvRowError(
                "history",
                4,
                "old_value",
                "oops",
                "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators)."
            ),
            cause
        );
        Assert.Contains(new CsvRowError("history", 3, null, null, $"Rejected with its deal (deals line 2): {cause}"), result.Errors);
        Assert.StartsWith(
            "deals: read 2, accepted 1, rejected 1; history: read 8, accepted 5, rejected 3; ignored fields: Next Step 2, Probability (%) 1\n",
            result.ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_field_map_to_a_name_that_is_not_a_canonical_field_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new CsvReadOptions { Fields = new Dictionary<string, string> { ["Probability (%)"] = "probability" } }
        );

        Assert.Equal("Fields", e.ParamName);
        Assert.StartsWith(
            "Fields maps \"Probability (%)\" to \"probability\", which is not a canonical field; the canonical fields are amount, expected_close, owner, stage, created.",
            e.Message,
            StringComparison.Ordinal
        );
    }
}
