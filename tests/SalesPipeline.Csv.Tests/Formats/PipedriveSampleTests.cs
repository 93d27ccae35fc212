using NodaTime;
using SalesPipeline.Deals;
using static SalesPipeline.Csv.Tests.Support.Exports;

namespace SalesPipeline.Csv.Tests.Formats;

// Samples/Pipedrive/deals.csv read with the defaults (Zone UTC: the export's times carry no zone, docs/csv-pipedrive.md).
// The expected values are worked out by hand from the rows and the page.
public class PipedriveSampleTests
{
    private static readonly CsvImportResult Result = ReadPipedrive();

    [Fact]
    public void Six_deals_are_accepted_and_seven_rejected()
    {
        Assert.Equal(new CsvRowCounts(13, 6, 7), Result.DealRows);
        Assert.Equal(["101", "102", "103", "104", "105", "106"], Result.Deals.Select(d => d.Id.Value));
    }

    [Fact]
    public void Every_rejected_row_is_reported_with_its_column_and_reason()
    {
        Assert.Equal(
            [
                new CsvRowError(
                    "deals",
                    8,
                    "Deal - Status",
                    "deleted",
                    "A deleted deal is not imported: it left the pipeline without being won or lost. Leave it out of the export."
                ),
                new CsvRowError("deals", 9, "Deal - Lost time", "", "A Lost deal needs the instant it was lost."),
                new CsvRowError(
                    "deals",
                    10,
                    "Deal - Currency of value",
                    "$",
                    "The currency is not an active ISO 4217 code (three capital letters, such as USD)."
                ),
                new CsvRowError(
                    "deals",
                    11,
                    "Deal - Stage",
                    "Closing",
                    "No stage of pipeline \"Sales pipeline\" has this id or name; its stages are qualified (Qualified), contact-made (Contact Made), demo-scheduled (Demo Scheduled), proposal-made (Proposal Made), negotiations-started (Negotiations Started), won (Won), lost (Lost)."
                ),
                new CsvRowError(
                    "deals",
                    12,
                    "Deal - Pipeline",
                    "Partnerships",
                    "The deal is in pipeline \"Partnerships\", not in \"Sales pipeline\", the pipeline read: read each pipeline's rows into a PipelineDefinition of the same name."
                ),
                new CsvRowError("deals", 13, "Deal - Expected close date", "", "Every deal has an expected close date."),
                new CsvRowError(
                    "deals",
                    14,
                    "Deal - Won time",
                    "2026-01-30 10:00:00",
                    "Every instant of a record lies between its CreatedAt (2026-02-01T10:00:00Z) and the import's asOf (2026-03-01T00:00:00Z)."
                ),
            ],
            Result.Errors
        );
    }

    [Fact]
    public void An_open_deal_entered_its_stage_at_its_last_stage_change()
    {
        var d = Deal(Result, "101");

        Assert.Equal(
            ("Acme - CRM rollout", "Ana Silva", "proposal-made", DealStatus.Open, Money.Of(24000m, Currency.EUR)),
            (d.Name, d.Owner, d.StageId, d.Status, d.Amount)
        );
        Assert.Equal((Utc(2025, 12, 3, 9, 12, 44), new LocalDate(2026, 3, 31)), (d.CreatedAt, d.ExpectedClose));
        Assert.Equal([("proposal-made", Utc(2026, 2, 10, 15, 30))], Path(d));
        // Status is read ignoring case: "open", "OPEN".
        Assert.Equal(
            (DealStatus.Open, "qualified", Money.Of(5500.5m, Currency.USD)),
            (Deal(Result, "104").Status, Deal(Result, "104").StageId, Deal(Result, "104").Amount)
        );
        Assert.Equal([("contact-made", Utc(2026, 1, 20, 10, 15))], Path(Deal(Result, "105")));
    }

    [Fact]
    public void A_won_deal_is_in_the_won_stage_and_keeps_the_stage_it_closed_from()
    {
        var d = Deal(Result, "102");

        // Deal - Stage says Negotiations Started, the stage it was won from, entered at Last stage change.
        Assert.Equal((DealStatus.Won, "won", Utc(2026, 1, 28, 16, 20, 5)), (d.Status, d.StageId, d.ClosedAt));
        Assert.Equal([("negotiations-started", Utc(2026, 1, 14, 11, 0)), ("won", Utc(2026, 1, 28, 16, 20, 5))], Path(d));
        // 106 ("WON") has no expected close date: a closed deal takes its close's date.
        var wayne = Deal(Result, "106");
        Assert.Equal((DealStatus.Won, new LocalDate(2026, 2, 18)), (wayne.Status, wayne.ExpectedClose));
        Assert.Equal([("proposal-made", Utc(2026, 2, 1, 13, 0)), ("won", Utc(2026, 2, 18, 9, 45))], Path(wayne));
    }

    [Fact]
    public void A_lost_deal_without_last_stage_change_loses_its_open_stage()
    {
        var d = Deal(Result, "103");

        // Demo Scheduled cannot be placed in time without Last stage change: the history starts at the loss.
        Assert.Equal((DealStatus.Lost, "lost", new LossReason("Price too high")), (d.Status, d.StageId, d.LossReason));
        Assert.Equal([("lost", Utc(2026, 2, 2, 12, 0))], Path(d));
    }
}
