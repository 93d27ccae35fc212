#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// Every code block of docs/quotes.md, in order; CI runs this file and a test checks the blocks still match it.
// Expect(...) stops the script with a non-zero exit code if a documented figure ever changes.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;

static void Expect(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("docs/quotes.md is out of date: " + what);
    }
}

static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

// The price book
var book = new PriceBook(
    "2026 list",
    new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)),
    [
        new Product("seat", "User seat", "seat/year", [Usd(480m)], floorPrices: [Usd(380m)]),
        new Product("onboarding", "Onboarding package", "package", [Usd(6_000m)]),
        new Product("support", "Premium support", "year", [Usd(9_600m)], floorPrices: [Usd(8_000m)]),
    ]
);
Console.WriteLine(book.PriceOf("seat", Currency.USD, new LocalDate(2026, 3, 2))); // USD 480.00
Expect(book.PriceOf("seat", Currency.USD, new LocalDate(2026, 3, 2)) == Usd(480m), "seat list price");

// The organisation, the approval policy and the pipeline
var org = SalesOrg
    .CreateBuilder("Acme")
    .Team("sales", "Sales", lead: "victor")
    .Team("east", "East", parent: "sales", lead: "maria")
    .Rep("victor", "Victor", "sales")
    .Rep("maria", "Maria", "east")
    .Rep("alice", "Alice", "east")
    .Build();
var policy = new ApprovalPolicy([
    ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
    ApprovalRule.LineDiscountAbove(20m, Approver.NextLevelUp),
    ApprovalRule.PriceUnderFloor(Approver.NextLevelUp),
]);
var pipeline = PipelineDefinition
    .CreateBuilder("Enterprise")
    .Stage("Qualified", 0.2m)
    .Stage("Quote issued", 0.5m, exitCriteria: [new ExitCriterion("po-received", "Has the customer sent a purchase order?")])
    .Stage("Contract signed", 0.9m)
    .Won("Won")
    .Lost("Lost")
    .QuoteStages(onSent: "quote-issued", onAccepted: "contract-signed")
    .Build();
var deal = Deal.Open(
    pipeline,
    new DealId("D-1001"),
    "Globex: 100 seats",
    "alice",
    Usd(50_000m),
    new LocalDate(2026, 3, 31),
    Instant.FromUtc(2026, 2, 16, 9, 0)
);

// Version 1: three lines, 12% off the seats
var today = new LocalDate(2026, 3, 2);
QuoteLine[] lines =
[
    book.Line("seat", 100m, Currency.USD, today, Discount.Percentage(12m)),
    book.Line("onboarding", 1m, Currency.USD, today),
    book.Line("support", 1m, Currency.USD, today),
];
var quote = Quote.Create("Q-17", deal.Id, "alice", new LocalDate(2026, 3, 31), lines, Instant.FromUtc(2026, 3, 2, 9, 0), "alice");
Console.WriteLine(quote.Totals);

// product | quantity | unit price | gross | line discount | quote discount | net
// seat | 100 | USD 480.00 | USD 48,000.00 | USD 5,760.00 | USD 0.00 | USD 42,240.00
// onboarding | 1 | USD 6,000.00 | USD 6,000.00 | USD 0.00 | USD 0.00 | USD 6,000.00
// support | 1 | USD 9,600.00 | USD 9,600.00 | USD 0.00 | USD 0.00 | USD 9,600.00
// subtotal USD 63,600.00, line discounts USD 5,760.00, quote discount USD 0.00, total USD 57,840.00
Expect(quote.Total == Usd(57_840m), "v1 total");
Expect(quote.Totals.Lines[0].LineDiscount == Usd(5_760m), "12% of 48,000");

// Submitting: the policy names the rule and the approver
quote = quote.Submit(policy, org, Instant.FromUtc(2026, 3, 2, 9, 5), "alice");
Console.WriteLine(quote.Status); // PendingApproval
Console.WriteLine(string.Join("; ", quote.TriggeredRules)); // line discount above 10%: line "seat" is 12% off list, above 10%
Console.WriteLine(string.Join("; ", quote.OutstandingApprovals)); // manager maria
Expect(quote.OutstandingApprovals.Single() == new RequiredApproval(ApproverLevel.Manager, "maria", null), "maria approves v1");
try
{
    quote.Send(Instant.FromUtc(2026, 3, 2, 9, 10), "alice");
}
catch (QuoteOperationException e)
{
    Console.WriteLine(e.Message); // Quote Q-17 v1: it is pending approval; it still needs manager maria.
}

// Approval, and sending moves the deal
quote = quote.Approve(org, Instant.FromUtc(2026, 3, 2, 11, 0), "maria", "12% is fine for 100 seats.");
var sent = pipeline.SendQuote(deal, quote, Instant.FromUtc(2026, 3, 2, 14, 0), "alice");
(quote, deal) = (sent.Quote, sent.Deal);
Console.WriteLine(deal.StageId); // quote-issued
Console.WriteLine(sent.DealEvents[0].Cause); // quote Q-17 v1
Expect(deal.StageId == "quote-issued" && sent.DealEvents[0].Cause == "quote Q-17 v1", "sending moves the deal");

// The customer asks for 5% more off: version 2
quote = quote.Revise(lines, Instant.FromUtc(2026, 3, 5, 10, 0), "alice", quoteDiscount: Discount.Percentage(5m));
Console.WriteLine(quote.Compare(1));

// v1 -> v2: total USD 57,840.00 -> USD 54,948.00
// seat changed: quote discount share USD 0.00 -> USD 2,112.00; net USD 42,240.00 -> USD 40,128.00
// onboarding changed: quote discount share USD 0.00 -> USD 300.00; net USD 6,000.00 -> USD 5,700.00
// support changed: quote discount share USD 0.00 -> USD 480.00; net USD 9,600.00 -> USD 9,120.00
Expect(quote.Version == 2 && quote.Total == Usd(54_948m), "v2 total");
Expect(quote.Totals.Lines[0].Net == Usd(40_128m) && quote.Totals.Lines[0].DiscountPercent == 16.4m, "seats 16.4% off list");

// Version 2 needs the manager again; she approves in a comment
quote = quote.Submit(policy, org, Instant.FromUtc(2026, 3, 5, 10, 5), "alice");
Console.WriteLine(string.Join("; ", quote.TriggeredRules)); // line discount above 10%: line "seat" is 16.4% off list, above 10%
quote = quote.Approve(org, Instant.FromUtc(2026, 3, 5, 16, 30), "maria", "Approved: 5% more for a three-year commitment.");
sent = pipeline.SendQuote(deal, quote, Instant.FromUtc(2026, 3, 6, 9, 0), "alice");
(quote, deal) = (sent.Quote, sent.Deal);
Console.WriteLine(sent.DealEvents.Count); // 0: the deal is already in "quote issued"
Expect(quote.Status == QuoteStatus.Sent && sent.DealEvents.Count == 0, "v2 sent");
Expect(quote.Approvals.Count == 2 && quote.Approvals[1].Comment == "Approved: 5% more for a three-year commitment.", "comments");

// Acceptance: the deal's amount becomes the quote total, and it moves on
var refused = pipeline.AcceptQuote(deal, quote, Instant.FromUtc(2026, 3, 20, 15, 0), "alice");
Console.WriteLine(refused); // rejected: ... "po-received" ...; the quote and the deal are unchanged
Expect(!refused.IsAccepted && refused.Quote == quote && refused.Deal == deal, "all or nothing");
deal = pipeline.ApplyOrThrow(deal, DealCommand.Answer("po-received", Instant.FromUtc(2026, 3, 20, 14, 0), "alice"));
var accepted = pipeline.AcceptQuote(deal, quote, Instant.FromUtc(2026, 3, 20, 15, 0), "alice");
(quote, deal) = (accepted.Quote, accepted.Deal);
Console.WriteLine($"{deal.Amount} {deal.StageId}"); // USD 54,948.00 contract-signed
Expect(deal.Amount == Usd(54_948m) && deal.StageId == "contract-signed", "accepting updates the deal");

// The contract: a 30/70 collection schedule
var terms = PaymentTerms.Create(TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.DaysAfterStart(60)));
var schedule = quote.ToCollectionSchedule(terms, new LocalDate(2026, 3, 20));
Console.WriteLine(schedule); // #1 USD 16,484.40 due 2026-03-20, #2 USD 38,463.60 due 2026-05-19
Expect(schedule.Instalments[0].Amount == Usd(16_484.40m) && schedule.Instalments[1].Amount == Usd(38_463.60m), "30/70");
Expect(schedule.Instalments[1].DueOn == new LocalDate(2026, 5, 19), "60 days after March 20");

// Expiry is decided by a date, never the clock
Console.WriteLine(quote.StatusOn(new LocalDate(2026, 4, 1))); // Accepted: an accepted quote does not expire
Console.WriteLine($"{quote.Zone} {quote.GetVersion(1).Content.ValidUntil:uuuu-MM-dd}"); // UTC 2026-03-31: the zone given at creation decides every day
Expect(quote.Zone == DateTimeZone.Utc && quote.GetVersion(1).Content.ValidUntil == new LocalDate(2026, 3, 31), "zone and v1 validity");
Expect(quote.StatusOn(new LocalDate(2026, 4, 1)) == QuoteStatus.Accepted, "accepted stays accepted");

// The history
Console.WriteLine(string.Join(", ", quote.Events.Select(e => e.GetType().Name)));

// QuoteCreated, QuoteSubmitted, QuoteApproved, QuoteSent, QuoteRevised, QuoteSubmitted, QuoteApproved, QuoteSent, QuoteAccepted
Expect(Quote.FromEvents(quote.Events).Total == quote.Total, "the history rebuilds the quote");

// Reports
var byStatus = QuoteReports.ByStatus([quote], new LocalDate(2026, 3, 31));
Console.WriteLine(byStatus);

// quotes by status as of 2026-03-31
// status | quotes | total | total_currency
// accepted | 1 | 54948.00 | USD
var discounts = QuoteReports.AverageDiscount([quote], SalesPipeline.Metrics.Breakdown.Product);
Console.WriteLine(string.Join(", ", discounts.Rows.Select(r => $"{r.Key} {r.DiscountPercent}%"))); // onboarding 5.00%, seat 16.40%, support 5.00%
var turnaround = QuoteReports.ApprovalTurnaround([quote]);
Console.WriteLine($"{turnaround.Median:H:mm} {turnaround.Longest:H:mm}"); // 4:10 6:25
var quoteToWin = QuoteReports.QuoteToWin([quote], [deal]);
Console.WriteLine($"{quoteToWin.Rows[0].Quoted} quoted, {quoteToWin.Rows[0].Won} won"); // 1 quoted, 0 won: the deal is in "contract signed"
Expect(byStatus.Rows.Single().Total == Usd(54_948m), "by status");
Expect(discounts.Rows.Single(r => r.Key == "seat").DiscountPercent == 16.4m, "seat discount");
Expect(turnaround.Median == Duration.FromMinutes(250) && turnaround.Longest == Duration.FromMinutes(385), "turnaround");
