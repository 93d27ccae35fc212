using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;

namespace SalesPipeline.Csv.Tests.FieldChanges;

// Field changes in the canonical history file, worked out by hand from docs/csv.md ("Field changes") and the import rules
// of docs/pipelines-and-deals.md ("Imported deals": ties at one instant are a reopening, the changes in the order amount,
// close date, owner, then the other stage events).
public class FieldChangeTests
{
    private const string Deals = """
        deal_id,owner,amount,currency,stage,status,created_at,expected_close,closed_at
        D1,bob,15000,USD,proposal,open,2025-03-01T09:00:00Z,2025-06-30,
        D2,carol,900,EUR,won,won,2025-02-01T09:00:00Z,2025-04-30,2025-04-10T12:00:00Z
        """;

    // D1's rows are out of time order (the amount change of 25 March comes last); the kind is left out of some change rows
    // (a row with a field is a change). D2 was re-quoted from USD 1,000 to EUR 900 in the save that won it.
    private const string History = """
        deal_id,at,kind,from_stage,to_stage,by,field,old_value,new_value
        D1,2025-03-01T09:00:00Z,created,,prospecting,,,,
        D1,2025-03-05T10:00:00Z,changed,,,alice,amount,10000,12000
        D1,2025-03-10T10:00:00Z,,,,,expected_close,2025-04-30,2025-05-31
        D1,2025-03-20T10:00:00Z,,,,,owner,alice,bob
        D1,2025-04-02T10:00:00Z,moved,prospecting,proposal,carol,,,
        D1,2025-04-02T10:00:00Z,changed,,,carol,expected_close,2025-05-31,2025-06-30
        D1,2025-03-25T10:00:00Z,,,,,amount,12000,15000
        D2,2025-02-01T09:00:00Z,created,,negotiation,,,,
        D2,2025-04-10T12:00:00Z,won,negotiation,won,,,,
        D2,2025-04-10T12:00:00Z,changed,,,,amount,USD 1000,EUR 900
        """;

    private static readonly DealId D1 = new("D1");
    private static readonly DealId D2 = new("D2");

    private static Instant At(int month, int day, int hour) => Instant.FromUtc(2025, month, day, hour, 0);

    [Fact]
    public void Every_row_is_accepted_and_counted()
    {
        var result = Sample.Read(Deals, History);

        Assert.True(result.IsComplete, result.ToString());
        Sample.Counts(result, (2, 2, 0), (10, 10, 0));
        Assert.Empty(result.IgnoredFields);
    }

    [Fact]
    public void An_open_deal_starts_with_the_values_before_its_changes_and_gets_them_in_time_order()
    {
        var d1 = Sample.Read(Deals, History).Deals[0];

        Assert.Equal(
            [
                new DealImported(
                    D1,
                    Instant.FromUtc(2025, 3, 1, 9, 0),
                    Unknown.Actor,
                    "Default",
                    Unknown.Name,
                    "alice",
                    Money.Of(10_000m, Currency.USD),
                    new LocalDate(2025, 4, 30),
                    "prospecting",
                    DealStatus.Open,
                    Instant.FromUtc(2025, 3, 1, 9, 0),
                    StageEntryKnown: true
                ),
                new AmountChanged(D1, At(3, 5, 10), "alice", Money.Of(12_000m, Currency.USD)),
                new ExpectedCloseChanged(D1, At(3, 10, 10), Unknown.Actor, new LocalDate(2025, 5, 31)),
                new OwnerReassigned(D1, At(3, 20, 10), Unknown.Actor, "bob"),
                new AmountChanged(D1, At(3, 25, 10), Unknown.Actor, Money.Of(15_000m, Currency.USD)),
                // The move and the close-date change share 2 April 10:00: the change comes first though its row is later.
                new ExpectedCloseChanged(D1, At(4, 2, 10), "carol", new LocalDate(2025, 6, 30)),
                new StageMoved(D1, At(4, 2, 10), "carol", "prospecting", "proposal", MoveDirection.Forward, 1),
            ],
            d1.History
        );
    }

    [Fact]
    public void A_requote_in_another_currency_saved_with_the_win_comes_before_it()
    {
        var d2 = Sample.Read(Deals, History).Deals[1];

        Assert.Equal(Money.Of(1_000m, Currency.USD), ((DealImported)d2.History[0]).Amount);
        Assert.Equal(
            [
                new AmountChanged(D2, At(4, 10, 12), Unknown.Actor, Money.Of(900m, Currency.EUR)),
                new DealWon(D2, At(4, 10, 12), Unknown.Actor, "won"),
            ],
            d2.History.Skip(1)
        );
        Assert.Equal((DealStatus.Won, Money.Of(900m, Currency.EUR)), (d2.Status, d2.Amount));
    }

    [Fact]
    public void A_file_of_field_changes_alone_needs_no_to_stage_column()
    {
        // D1 observed at its stage_entered_at (1 March), so its changes from then on are its events.
        var result = Sample.Read(
            "deal_id,owner,amount,currency,stage,created_at,expected_close,stage_entered_at\nD1,bob,100,USD,proposal,2025-03-01T00:00:00Z,2025-06-30,2025-03-01T00:00:00Z\n",
            "deal_id,at,by,field,old_value,new_value\nD1,2025-03-02T00:00:00Z,dana,owner,alice,bob\n"
        );

        Assert.True(result.IsComplete, result.ToString());
        Assert.Equal([typeof(DealImported), typeof(OwnerReassigned)], Assert.Single(result.Deals).History.Select(e => e.GetType()));
    }

    [Fact]
    public void A_history_file_with_neither_to_stage_nor_field_ends_the_import()
    {
        var e = Assert.Throws<CsvImportException>(() => Sample.Read(Deals, "deal_id,at,by\nD1,2025-03-02T00:00:00Z,dana\n"));

        Assert.Equal(
            new CsvRowError(
                "history",
                1,
                "to_stage",
                null,
                "The history file's header has no column \"to_stage\", which is required unless the file has a \"field\" column (of field changes); its columns are deal_id, at, by."
            ),
            Assert.Single(e.Errors)
        );
    }
}
