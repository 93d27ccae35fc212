using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

// The worked example of docs/quotes.md, figure by figure; each value is worked out by hand in the comment above it.
public class QuoteWorkedExampleTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Enterprise")
        .Stage("Qualified", 0.2m)
        .Stage("Quote issued", 0.5m, exitCriteria: [new ExitCriterion("po-received", "Has the customer sent a purchase order?")])
        .Stage("Contract signed", 0.9m)
        .Won("Won")
        .Lost("Lost")
        .QuoteStages(onSent: "quote-issued", onAccepted: "contract-signed")
        .Build();

    [Fact]
    public void WorkedExample_FromThreeLinesToAThirtySeventySchedule()
    {
        var deal = Deal.Open(Pipeline, new DealId("D-1001"), "Globex: 100 seats", "alice", Usd_(50_000m), new LocalDate(2026, 3, 31), T0);
        var lines = Lines(12m);
        var quote = Quote.Create("Q-17", deal.Id, "alice", new LocalDate(2026, 3, 31), lines, Instant.FromUtc(2026, 3, 2, 9, 0), "alice");

        // 100 x 480 = 48,000, less 12% (5,760) = 42,240; + 6,000 + 9,600 = 57,840.
        Assert.Equal(Usd_(57_840m), quote.Total);

        quote = quote.Submit(Policy, Org, Instant.FromUtc(2026, 3, 2, 9, 5), "alice");
        // 12% off list is above 10% (manager) and not above 20%: maria, alice's manager.
        Assert.Equal([new RequiredApproval(ApproverLevel.Manager, "maria", null)], quote.OutstandingApprovals);

        quote = quote.Approve(Org, Instant.FromUtc(2026, 3, 2, 11, 0), "maria", "12% is fine for 100 seats.");
        var sent = Pipeline.SendQuote(deal, quote, Instant.FromUtc(2026, 3, 2, 14, 0), "alice");
        (quote, deal) = (sent.Quote, sent.Deal);
        Assert.Equal("quote-issued", deal.StageId);

        quote = quote.Revise(lines, Instant.FromUtc(2026, 3, 5, 10, 0), "alice", quoteDiscount: Discount.Percentage(5m));
        // 5% of 57,840 = 2,892, split 2,112 / 300 / 480; nets 40,128 / 5,700 / 9,120; total 54,948.
        Assert.Equal(2, quote.Version);
        Assert.Equal([Usd_(2_112m), Usd_(300m), Usd_(480m)], quote.Totals.Lines.Select(l => l.QuoteDiscountShare));
        Assert.Equal([Usd_(40_128m), Usd_(5_700m), Usd_(9_120m)], quote.Totals.Lines.Select(l => l.Net));
        Assert.Equal(Usd_(54_948m), quote.Total);
        // Seats: (48,000 - 40,128) / 48,000 = 16.4% off list.
        Assert.Equal(16.4m, quote.Totals.Lines[0].DiscountPercent);
        Assert.Equal(Usd_(-2_892m), quote.Compare(1).TotalChange);

        quote = quote.Submit(Policy, Org, Instant.FromUtc(2026, 3, 5, 10, 5), "alice");
        Assert.Equal("line \"seat\" is 16.4% off list, above 10%", Assert.Single(quote.TriggeredRules).Reason);
        quote = quote.Approve(Org, Instant.FromUtc(2026, 3, 5, 16, 30), "maria", "Approved: 5% more for a three-year commitment.");
        sent = Pipeline.SendQuote(deal, quote, Instant.FromUtc(2026, 3, 6, 9, 0), "alice");
        (quote, deal) = (sent.Quote, sent.Deal);

        deal = Pipeline.ApplyOrThrow(deal, DealCommand.Answer("po-received", Instant.FromUtc(2026, 3, 20, 14, 0), "alice"));
        var accepted = Pipeline.AcceptQuote(deal, quote, Instant.FromUtc(2026, 3, 20, 15, 0), "alice");
        Assert.Equal(Usd_(54_948m), accepted.Deal.Amount);
        Assert.Equal("contract-signed", accepted.Deal.StageId);

        var terms = PaymentTerms.Create(
            TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
            TermsLine.Balance(DueRule.DaysAfterStart(60))
        );
        var schedule = accepted.Quote.ToCollectionSchedule(terms, new LocalDate(2026, 3, 20));
        // 30% of 54,948.00 = 16,484.40; the rest 38,463.60 due 2026-03-20 + 60 days = 2026-05-19.
        Assert.Equal([Usd_(16_484.40m), Usd_(38_463.60m)], schedule.Instalments.Select(i => i.Amount));
        Assert.Equal(new LocalDate(2026, 5, 19), schedule.Instalments[1].DueOn);
    }
}
