using System.Text.Json;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Json.Tests.Quotes;
using SalesPipeline.Metrics;
using SalesPipeline.Quotes;

namespace SalesPipeline.Json.Tests.Results;

// The quote results, from two quotes small enough to check by hand (QuoteSamples' organisation and policy, all USD):
//   Q-17 (alice, deal D-1001): docs/quotes.md's worked example. v1 seat 100 x 480.00 (list 480.00, floor 380.00) 12% off,
//     onboarding 1 x 6,000.00, support 1 x 9,600.00 (floor 8,000.00); submitted Mar 2 09:05, approved by maria 11:00,
//     sent 14:00; v2 the same lines with 5% off the quote, Mar 5 10:00, submitted 10:05, approved 16:30, sent Mar 6,
//     accepted Mar 20.
//   Q-18 (dora, deal D-1002): seat 10 x 420.00 (list 480.00), created Mar 9 09:00; 12.5% off list trips the 10% rule,
//     so dora's manager (victor, lead of sales) must approve: submitted 10:00, rejected by victor 16:00, back to Draft.
// Deal D-1001 (alice) is won Mar 20; D-1002 was never quoted to the customer (Q-18 not sent).
public partial class ResultGoldenTests
{
    private static Instant QuoteDay(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);

    private static Quote Q18()
    {
        var quote = Quote.Create(
            "Q-18",
            new DealId("D-1002"),
            "dora",
            new LocalDate(2026, 3, 31),
            [new QuoteLine("seat", 10m, Usd(420m), Usd(480m))],
            QuoteDay(9, 9),
            "dora"
        );
        quote = quote.Submit(QuoteSamples.Policy, QuoteSamples.Org, QuoteDay(9, 10), "dora");
        return quote.Reject(QuoteSamples.Org, QuoteDay(9, 16), "victor", "12.5% is too much for ten seats.");
    }

    private static readonly Quote[] SampleQuotes = [QuoteSamples.WorkedExample(), Q18()];

    [Fact]
    public void Quote_status_report()
    {
        // As of Mar 31: Q-17 accepted at its v2 total 54,948.00 (57,840.00 less 5% = 2,892.00); Q-18 back in Draft after
        // the rejection, at 10 x 420.00 = 4,200.00. Rows in status order: Draft before Accepted.
        var json = Pin("quote-status", QuoteReports.ByStatus(SampleQuotes, new LocalDate(2026, 3, 31)));
        Assert.Equal("2026-03-31", json.GetProperty("asOf").GetString());
        var rows = json.GetProperty("rows");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("Draft", rows[0].GetProperty("status").GetString());
        Assert.Equal(1, rows[0].GetProperty("count").GetInt32());
        Assert.Equal(4_200m, Amount(rows[0].GetProperty("total")));
        Assert.Equal("Accepted", rows[1].GetProperty("status").GetString());
        Assert.Equal(54_948m, Amount(rows[1].GetProperty("total")));
    }

    [Fact]
    public void Quote_discount_report()
    {
        // alice (Q-17 v2): list 48,000 + 6,000 + 9,600 = 63,600; nets 40,128 + 5,700 + 9,120 = 54,948 (each line less
        // 5%: 42,240 - 2,112, 6,000 - 300, 9,600 - 480); off list 8,652; 8,652 x 100 / 63,600 = 13.6037735849...%.
        // dora: list 10 x 480 = 4,800, net 4,200, off list 600, 600 x 100 / 4,800 = 12.5%.
        var json = Pin("quote-discounts", QuoteReports.AverageDiscount(SampleQuotes, Breakdown.Owner));
        Assert.Equal("Owner", json.GetProperty("by").GetString());
        var (alice, dora) = (json.GetProperty("rows")[0], json.GetProperty("rows")[1]);
        Assert.Equal("alice", alice.GetProperty("key").GetString());
        Assert.Equal(63_600m, Amount(alice.GetProperty("listValue")));
        Assert.Equal(8_652m, Amount(alice.GetProperty("discount")));
        Assert.StartsWith("13.6037735849", alice.GetProperty("discountPercent").GetString(), StringComparison.Ordinal);
        Assert.Equal("dora", dora.GetProperty("key").GetString());
        Assert.Equal(4_800m, Amount(dora.GetProperty("listValue")));
        Assert.Equal(600m, Amount(dora.GetProperty("discount")));
        Assert.Equal(12.5m, Exact(dora.GetProperty("discountPercent")));
    }

    [Fact]
    public void Approval_turnaround_report()
    {
        // Q-17 v1 09:05 -> 11:00 = 1h55m; Q-17 v2 10:05 -> 16:30 = 6h25m; Q-18 v1 10:00 -> 16:00 = 6h (rejected).
        // Sorted 1:55, 6:00, 6:25: median 6h; mean (115 + 360 + 385) / 3 = 860 / 3 min = 286 min 40 s = 4h46m40s.
        var json = Pin("approval-turnaround", QuoteReports.ApprovalTurnaround(SampleQuotes));
        var requests = json.GetProperty("requests");
        Assert.Equal(3, requests.GetArrayLength());
        Assert.Equal("2026-03-02T09:05:00Z", requests[0].GetProperty("submittedAt").GetString());
        Assert.True(requests[0].GetProperty("approved").GetBoolean());
        Assert.Equal("Q-18", requests[2].GetProperty("quoteId").GetString());
        Assert.False(requests[2].GetProperty("approved").GetBoolean());
        Assert.Equal(Duration.FromHours(6), Read(requests[2].GetProperty("turnaround")));
        Assert.Equal(Duration.FromHours(6), Read(json.GetProperty("median")));
        Assert.Equal(Duration.FromMinutes(286) + Duration.FromSeconds(40), Read(json.GetProperty("mean")));
        Assert.Equal(Duration.FromMinutes(385), Read(json.GetProperty("longest")));
    }

    [Fact]
    public void Quote_to_win_report()
    {
        // Only Q-17 was sent, so only D-1001 is quoted; it is won: 1 quoted, 1 won, 0 lost, rate 1/1 on the all-deals
        // row (owner null) and on alice's row.
        var won = Default.Win(
            Default.Move(
                Default.Move(Qualified(OpenFor("D-1001", "alice", 54_948m, null)), "proposal", Mar(4), "alice"),
                "negotiation",
                Mar(5),
                "alice"
            ),
            Mar(20),
            "alice"
        );
        var open = OpenFor("D-1002", "dora", 4_200m, null);
        var json = Pin("quote-to-win", QuoteReports.QuoteToWin(SampleQuotes, [won, open]));
        var rows = json.GetProperty("rows");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("owner").ValueKind);
        Assert.Equal(
            (1, 1, 0),
            (rows[0].GetProperty("quoted").GetInt32(), rows[0].GetProperty("won").GetInt32(), rows[0].GetProperty("lost").GetInt32())
        );
        Assert.Equal(1m, Exact(rows[0].GetProperty("rate")));
        Assert.Equal("alice", rows[1].GetProperty("owner").GetString());
        Assert.Equal(1m, Exact(rows[1].GetProperty("decidedRate")));
    }

    [Fact]
    public void Quote_comparison_with_versions_totals_and_priced_lines()
    {
        // v1 -> v2 of Q-17: only the 5% quote discount is new, so every line changes by its share of 2,892.00 (57,840.00
        // x 5%, allocated 42,240 : 6,000 : 9,600, i.e. 5% of each): seat 2,112.00, onboarding 300.00, support 480.00.
        // Seat v2: gross 48,000, line discount 5,760 (12%), net 40,128, off list 7,872 = 16.4%, floor 38,000 (not under).
        var quote = SampleQuotes[0];
        var json = Pin("quote-comparison", QuoteComparison.Between(quote.GetVersion(1), quote.GetVersion(2)));
        Assert.Equal(-2_892m, Amount(json.GetProperty("totalChange")));
        Assert.Equal(57_840m, Amount(json.GetProperty("from").GetProperty("totals").GetProperty("total")));
        var to = json.GetProperty("to").GetProperty("totals");
        Assert.Equal(2, json.GetProperty("to").GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("from").GetProperty("totals").GetProperty("quoteDiscount").ValueKind);
        Assert.Equal("5", to.GetProperty("quoteDiscount").GetProperty("percent").GetString());
        Assert.Equal(2_892m, Amount(to.GetProperty("quoteDiscountAmount")));
        Assert.Equal(54_948m, Amount(to.GetProperty("total")));
        Assert.Equal(8_652m, Amount(to.GetProperty("discountOffList")));
        Assert.Equal(16.4m, Exact(to.GetProperty("largestLineDiscountPercent")));
        var seat = to.GetProperty("lines")[0];
        Assert.Equal(5_760m, Amount(seat.GetProperty("lineDiscount")));
        Assert.Equal(2_112m, Amount(seat.GetProperty("quoteDiscountShare")));
        Assert.Equal(40_128m, Amount(seat.GetProperty("net")));
        Assert.Equal(38_000m, Amount(seat.GetProperty("floorValue")));
        Assert.False(seat.GetProperty("isUnderFloor").GetBoolean());
        var onboarding = to.GetProperty("lines")[1];
        Assert.Equal(JsonValueKind.Null, onboarding.GetProperty("floorValue").ValueKind);
        var changes = json.GetProperty("changes");
        Assert.Equal(3, changes.GetArrayLength());
        Assert.Equal("Changed", changes[0].GetProperty("kind").GetString());
        Assert.Equal(-2_112m, Amount(changes[0].GetProperty("netChange")));
        Assert.Equal(-300m, Amount(changes[1].GetProperty("netChange")));
        Assert.Equal(-480m, Amount(changes[2].GetProperty("netChange")));
    }

    [Fact]
    public void Approval_decision_and_approvals()
    {
        // Q-17 v1: the seat line is 12% off (above 10%, not above 20%), nothing under floor, total 57,840 under
        // 100,000: one rule, alice's manager maria.
        var quote = SampleQuotes[0];
        var json = Pin("approval-decision", QuoteSamples.Policy.Decide(quote.GetVersion(1).Totals, "alice", QuoteSamples.Org));
        Assert.True(json.GetProperty("isApprovalRequired").GetBoolean());
        Assert.Equal(1, json.GetProperty("triggered").GetArrayLength());
        Assert.Equal("maria", json.GetProperty("required")[0].GetProperty("personId").GetString());
        // Q-18's rejection is an approval with approved false and victor's comment.
        var rejection = JsonDocument.Parse(JsonSerializer.Serialize(SampleQuotes[1].Approvals[0], SalesPipelineJson.Options)).RootElement;
        Assert.False(rejection.GetProperty("approved").GetBoolean());
        Assert.Equal("victor", rejection.GetProperty("by").GetString());
        Assert.Equal(1, rejection.GetProperty("version").GetInt32());
    }

    private static Duration Read(JsonElement duration) =>
        JsonSerializer.Deserialize<Duration>(duration.GetRawText(), SalesPipelineJson.Options);
}
