using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Csv.Tests.Support.Exports;

namespace SalesPipeline.Csv.Tests.Formats;

// Samples/Salesforce: an Opportunities report and an Opportunity History report exported from an en_US org (M/d/yyyy
// dates, h:mm AM/PM times, 1,234.56 amounts), read with Culture en-US and Zone America/Los_Angeles (UTC-8 throughout:
// every date is between 2025-11-03 and 2026-03-07). The expected values are worked out by hand from the rows and
// docs/csv-salesforce.md.
public class SalesforceSampleTests
{
    private static readonly CsvImportResult Result = ReadSalesforce();

    [Fact]
    public void The_footer_is_not_counted_and_every_row_is_accepted_or_rejected()
    {
        // 12 opportunities (lines 2-13); the blank line, Grand Totals, Confidential and Copyright lines are not rows. Rejected:
        // AAA07 (unknown stage), AAA08 (a German amount), AAA09 (won, then lost), AAA10 (history before creation), AAA11
        // (30 February). History: 16 rows, of which AAA09's three and AAA10's one are rejected.
        Assert.Equal(new CsvRowCounts(12, 7, 5), Result.DealRows);
        Assert.Equal(new CsvRowCounts(16, 12, 4), Result.HistoryRows);
        Assert.Equal(
            [
                "0065g00000AAA01",
                "0065g00000AAA02",
                "0065g00000AAA03",
                "0065g00000AAA04",
                "0065g00000AAA05",
                "0065g00000AAA06",
                "0065g00000AAA12",
            ],
            Result.Deals.Select(d => d.Id.Value)
        );
    }

    [Fact]
    public void Every_rejected_row_is_reported_with_its_column_and_reason()
    {
        const string twoCloses =
            "history line 16, To Stage = \"Closed Lost\": The deal is already won; only reopening into an open stage can follow a win or a loss.";
        const string beforeCreation =
            "history line 17, Last Modified = \"1/25/2026 9:00 AM\": A deal cannot change stage before it was created (2026-02-01T08:00:00Z).";
        Assert.Equal(
            [
                new CsvRowError(
                    "deals",
                    8,
                    "Stage",
                    "Closed - Duplicate",
                    "No stage of pipeline \"Salesforce\" has this id or name; its stages are prospecting (Prospecting), qualification (Qualification), needs-analysis (Needs Analysis), proposal-price-quote (Proposal/Price Quote), negotiation-review (Negotiation/Review), closed-won (Closed Won), closed-lost (Closed Lost)."
                ),
                new CsvRowError(
                    "deals",
                    9,
                    "Amount",
                    "12.500,00",
                    "A number is written in the culture \"\": like 1,234.56, thousands separated in groups of three or not at all."
                ),
                new CsvRowError("deals", 10, null, null, "Its history is rejected: " + twoCloses),
                new CsvRowError("deals", 11, null, null, "Its history is rejected: " + beforeCreation),
                new CsvRowError("deals", 12, "Close Date", "2/30/2026", "The date does not exist: months 1-12 and the month's days."),
                new CsvRowError("history", 14, null, null, "Rejected with its deal (deals line 10): " + twoCloses),
                new CsvRowError("history", 15, null, null, "Rejected with its deal (deals line 10): " + twoCloses),
                new CsvRowError(
                    "history",
                    16,
                    "To Stage",
                    "Closed Lost",
                    "The deal is already won; only reopening into an open stage can follow a win or a loss."
                ),
                new CsvRowError(
                    "history",
                    17,
                    "Last Modified",
                    "1/25/2026 9:00 AM",
                    "A deal cannot change stage before it was created (2026-02-01T08:00:00Z)."
                ),
            ],
            Result.Errors
        );
    }

    [Fact]
    public void An_open_deal_gets_its_stage_changes_and_not_its_amount_change()
    {
        var d = Deal(Result, "0065g00000AAA01");

        Assert.Equal(
            ("Acme - 500 seats", "Jane Doe", "negotiation-review", DealStatus.Open, Money.Of(60000m, Currency.USD)),
            (d.Name, d.Owner, d.StageId, d.Status, d.Amount)
        );
        // Created Date 11/4/2025 is a date: the start of that day in Los Angeles, 08:00Z. The 1/5/2026 row changes the
        // amount only (Proposal/Price Quote to itself) and is no stage entry. 4:45 PM PST on 2/3 is 00:45Z on 2/4.
        Assert.Equal((Utc(2025, 11, 4, 8, 0), new LocalDate(2026, 3, 31)), (d.CreatedAt, d.ExpectedClose));
        Assert.Equal(new LeadSource("Web"), d.Source);
        Assert.Equal(
            [
                ("prospecting", Utc(2025, 11, 4, 17, 15)),
                ("qualification", Utc(2025, 11, 20, 22, 0)),
                ("proposal-price-quote", Utc(2025, 12, 15, 19, 30)),
                ("negotiation-review", Utc(2026, 2, 4, 0, 45)),
            ],
            Path(d)
        );
        Assert.Equal("Mark Lee", d.History[3].By);
        // Probability (%) and Forecast Category are not read by default: no overrides.
        Assert.Equal((null, null), (d.ProbabilityOverride, d.CategoryOverride));
    }

    [Fact]
    public void A_won_deal_closes_at_its_history_instant_not_at_the_start_of_its_close_date()
    {
        var d = Deal(Result, "0065g00000AAA02");

        // Amount Currency EUR; the history rows are out of order in the file and sorted by Last Modified.
        Assert.Equal((DealStatus.Won, "closed-won", Money.Of(48000m, Currency.EUR)), (d.Status, d.StageId, d.Amount));
        Assert.Equal(Utc(2026, 1, 30, 23, 20), d.ClosedAt);
        Assert.Equal(
            [
                ("prospecting", Utc(2025, 11, 10, 18, 0)),
                ("needs-analysis", Utc(2025, 12, 1, 17, 0)),
                ("closed-won", Utc(2026, 1, 30, 23, 20)),
            ],
            Path(d)
        );
        // Two-digit months and days (02/27/2026, 12/08/2025) read as well as one-digit ones.
        var stark = Deal(Result, "0065g00000AAA05");
        Assert.Equal((new LocalDate(2026, 2, 27), Utc(2025, 12, 8, 8, 0)), (stark.ExpectedClose, stark.CreatedAt));
        Assert.Equal(Utc(2026, 2, 28, 2, 45), stark.ClosedAt);
    }

    [Fact]
    public void A_closed_deal_without_history_closes_at_the_start_of_its_close_date()
    {
        var d = Deal(Result, "0065g00000AAA03");

        // Close Date 1/15/2026: 00:00 in Los Angeles is 08:00Z.
        Assert.Equal((DealStatus.Lost, "closed-lost", Utc(2026, 1, 15, 8, 0)), (d.Status, d.StageId, d.ClosedAt));
        Assert.Equal(LossReason.Unknown, d.LossReason);
        Assert.Equal([("closed-lost", Utc(2026, 1, 15, 8, 0))], Path(d));
        // An open deal without history is seen in its stage at asOf; 1,200,000.00 is read with its separators.
        Assert.Equal([("proposal-price-quote", AsOf)], Path(Deal(Result, "0065g00000AAA04")));
        Assert.Equal(Money.Of(1_200_000m, Currency.USD), Deal(Result, "0065g00000AAA06").Amount);
    }

    [Fact]
    public void Probability_and_forecast_category_become_overrides_only_where_they_differ_from_the_stage()
    {
        var result = ReadSalesforce(
            SalesforceOptions with
            {
                Columns = new Dictionary<string, string> { ["probability"] = "Probability (%)", ["category"] = "Forecast Category" },
            }
        );

        Assert.Equal(new CsvRowCounts(12, 7, 5), result.DealRows);
        // AAA01: 90 % is Negotiation/Review's 0.90, so no probability override; Best Case differs from its Commit. AAA04:
        // 75 % and Best Case are Proposal/Price Quote's. AAA06: 20 % and Pipeline are Qualification's. AAA12: 90 and Commit
        // are Negotiation/Review's. The won and lost deals' 100 / Closed and 0 / Omitted are not read.
        var overrides = result.Deals.Select(d => (d.Id.Value, d.ProbabilityOverride, d.CategoryOverride)).ToArray();
        Assert.Equal(
            [
                ("0065g00000AAA01", null, ForecastCategory.BestCase),
                ("0065g00000AAA02", null, null),
                ("0065g00000AAA03", null, null),
                ("0065g00000AAA04", null, null),
                ("0065g00000AAA05", null, null),
                ("0065g00000AAA06", null, null),
                ("0065g00000AAA12", null, (ForecastCategory?)null),
            ],
            overrides
        );
    }
}
