using NodaTime;
using SalesPipeline.Deals;
using static SalesPipeline.Csv.Tests.Support.Exports;

namespace SalesPipeline.Csv.Tests.Formats;

// Samples/HubSpot/deals.csv read with Zone America/New_York (UTC-5 throughout: every date is between 2025-11-03 and
// 2026-03-07, when New York keeps standard time) and USD as the default currency (the export has no Currency column, as
// in a single-currency portal). The expected values are worked out by hand from the rows and docs/csv-hubspot.md.
public class HubSpotSampleTests
{
    private static readonly CsvImportResult Result = ReadHubSpot();

    [Fact]
    public void Eight_deals_are_accepted_and_six_rejected()
    {
        // 1008 (a stage entered before creation), 1009 (won, then lost without reopening), 1010 (another pipeline), 1011
        // (an unknown stage), 1012 (no amount) and 1014 (no close date) are rejected; the file has no history file.
        Assert.Equal(new CsvRowCounts(14, 8, 6), Result.DealRows);
        Assert.Equal(new CsvRowCounts(0, 0, 0), Result.HistoryRows);
        Assert.Equal(["1001", "1002", "1003", "1004", "1005", "1006", "1007", "1013"], Result.Deals.Select(d => d.Id.Value));
    }

    [Fact]
    public void Every_rejected_row_is_reported_with_its_column_and_reason()
    {
        Assert.Equal(
            [
                new CsvRowError(
                    "deals",
                    9,
                    "Date entered \"Appointment Scheduled (Sales Pipeline)\"",
                    "2026-01-10 09:00",
                    "A deal cannot change stage before it was created (2026-01-20T15:00:00Z)."
                ),
                new CsvRowError(
                    "deals",
                    10,
                    "Date entered \"Closed Lost (Sales Pipeline)\"",
                    "2026-02-05 16:00",
                    "The deal is already won; only reopening into an open stage can follow a win or a loss."
                ),
                new CsvRowError(
                    "deals",
                    11,
                    "Pipeline",
                    "Renewals",
                    "The deal is in pipeline \"Renewals\", not in \"Sales Pipeline\", the pipeline read: read each pipeline's rows into a PipelineDefinition of the same name."
                ),
                new CsvRowError(
                    "deals",
                    12,
                    "Deal Stage",
                    "Negotiation",
                    "No stage of pipeline \"Sales Pipeline\" has this id or name; its stages are appointment-scheduled (Appointment Scheduled), qualified-to-buy (Qualified To Buy), presentation-scheduled (Presentation Scheduled), decision-maker-bought-in (Decision Maker Bought-In), contract-sent (Contract Sent), closed-won (Closed Won), closed-lost (Closed Lost)."
                ),
                new CsvRowError("deals", 13, "Amount", "", "Every deal has an amount."),
                new CsvRowError("deals", 15, "Close Date", "", "Every deal has an expected close date."),
            ],
            Result.Errors
        );
    }

    [Fact]
    public void An_open_deal_gets_its_date_entered_columns_as_history_in_time_order()
    {
        var d = Deal(Result, "1001");

        Assert.Equal(
            ("Acme Corp - 50 seats", "Jane Doe", "contract-sent", DealStatus.Open, Money.Of(25000m, Currency.USD)),
            (d.Name, d.Owner, d.StageId, d.Status, d.Amount)
        );
        // Close Date 2026-03-31 17:00 is a date-time: the expected close is its date. 09:15 EST is 14:15Z.
        Assert.Equal((new LocalDate(2026, 3, 31), Utc(2025, 11, 10, 14, 15)), (d.ExpectedClose, d.CreatedAt));
        // Date entered current stage and Date exited are not entries; the five Date entered cells are.
        Assert.Equal(
            [
                ("appointment-scheduled", Utc(2025, 11, 10, 14, 15)),
                ("qualified-to-buy", Utc(2025, 11, 20, 19, 0)),
                ("presentation-scheduled", Utc(2025, 12, 5, 15, 30)),
                ("decision-maker-bought-in", Utc(2026, 1, 12, 21, 45)),
                ("contract-sent", Utc(2026, 2, 2, 16, 0)),
            ],
            Path(d)
        );
        Assert.Equal(Utc(2026, 2, 2, 16, 0), d.StageEnteredAt);
    }

    [Fact]
    public void A_won_deal_closes_when_it_entered_closed_won()
    {
        var d = Deal(Result, "1002");

        Assert.Equal((DealStatus.Won, "closed-won", Money.Of(48000m, Currency.USD)), (d.Status, d.StageId, d.Amount));
        // Date entered "Closed Won" 2026-01-30 15:20 EST = 20:20Z.
        Assert.Equal(Utc(2026, 1, 30, 20, 20), d.ClosedAt);
        Assert.Equal(
            [
                ("appointment-scheduled", Utc(2025, 11, 4, 18, 0)),
                ("qualified-to-buy", Utc(2025, 11, 18, 15, 0)),
                ("presentation-scheduled", Utc(2025, 12, 2, 20, 0)),
                ("decision-maker-bought-in", Utc(2025, 12, 19, 17, 0)),
                ("contract-sent", Utc(2026, 1, 8, 14, 30)),
                ("closed-won", Utc(2026, 1, 30, 20, 20)),
            ],
            Path(d)
        );
    }

    [Fact]
    public void A_lost_deal_keeps_its_closed_lost_reason()
    {
        var d = Deal(Result, "1003");

        Assert.Equal((DealStatus.Lost, "closed-lost", new LossReason("Went with a competitor")), (d.Status, d.StageId, d.LossReason));
        Assert.Equal(
            [
                ("appointment-scheduled", Utc(2025, 12, 1, 15, 0)),
                ("qualified-to-buy", Utc(2025, 12, 10, 14, 0)),
                ("closed-lost", Utc(2026, 1, 15, 16, 5)),
            ],
            Path(d)
        );
    }

    [Fact]
    public void Skipped_stages_and_single_entries_are_kept_as_written()
    {
        // 1006 went from Appointment Scheduled straight to Decision Maker Bought-In; 1004 has one entry.
        Assert.Equal(
            [("appointment-scheduled", Utc(2025, 11, 25, 14, 0)), ("decision-maker-bought-in", Utc(2026, 2, 18, 15, 0))],
            Path(Deal(Result, "1006"))
        );
        var skip = Assert.IsType<StageMoved>(Deal(Result, "1006").History[1]);
        Assert.Equal(2, skip.StagesSkipped);
        Assert.Equal([("appointment-scheduled", Utc(2026, 2, 20, 13, 30))], Path(Deal(Result, "1004")));
        Assert.Equal(
            [
                ("appointment-scheduled", Utc(2025, 12, 15, 19, 0)),
                ("qualified-to-buy", Utc(2026, 1, 5, 15, 0)),
                ("presentation-scheduled", Utc(2026, 2, 10, 18, 30)),
            ],
            Path(Deal(Result, "1005"))
        );
        var wayne = Deal(Result, "1007");
        Assert.Equal(Money.Of(32000.5m, Currency.USD), wayne.Amount);
        Assert.Equal(
            [
                ("appointment-scheduled", Utc(2026, 1, 6, 15, 0)),
                ("contract-sent", Utc(2026, 2, 16, 17, 0)),
                ("closed-won", Utc(2026, 2, 27, 23, 45)),
            ],
            Path(wayne)
        );
    }

    [Fact]
    public void A_won_deal_without_its_closed_won_date_closes_at_its_close_date()
    {
        // 1013 has no Date entered "Closed Won (Sales Pipeline)"; its value in the Renewals pipeline's column is ignored.
        // Its history ends in Presentation Scheduled, and the import adds the win at Close Date 2026-02-12 10:00 EST.
        var d = Deal(Result, "1013");

        Assert.Equal((DealStatus.Won, Utc(2026, 2, 12, 15, 0)), (d.Status, d.ClosedAt));
        Assert.Equal(
            [
                ("appointment-scheduled", Utc(2026, 1, 15, 14, 0)),
                ("presentation-scheduled", Utc(2026, 1, 29, 16, 0)),
                ("closed-won", Utc(2026, 2, 12, 15, 0)),
            ],
            Path(d)
        );
    }
}
