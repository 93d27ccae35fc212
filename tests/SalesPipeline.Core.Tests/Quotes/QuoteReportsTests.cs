using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

public class QuoteReportsTests
{
    private static Instant H(int hours) => T0 + Duration.FromHours(hours);

    private static Quote New(string id, string deal, decimal seatDiscount) =>
        Quote.Create(id, new DealId(deal), "alice", new LocalDate(2026, 3, 31), Lines(seatDiscount), T0, "alice");

    // 12% off seats, approved by maria 2 hours after submission, sent and accepted (57,840.00).
    // 25% off seats, rejected by victor 6 hours after submission, revised to 8% off (44,160 + 15,600 = 59,760.00).
    // 5% off seats, needs nobody, sent (45,600 + 15,600 = 61,200.00).
    private static readonly Quote[] Quotes =
    [
        New("Q-17", "D-1001", 12m).Submit(Policy, Org, H(1), "alice").Approve(Org, H(3), "maria").Send(H(4), "alice").Accept(H(5), "alice"),
        New("Q-18", "D-1002", 25m)
            .Submit(Policy, Org, H(1), "alice")
            .Reject(Org, H(7), "victor", "Too deep.")
            .Revise(Lines(8m), H(8), "alice"),
        New("Q-19", "D-1003", 5m).Submit(Policy, Org, H(1), "alice").Send(H(2), "alice"),
    ];

    [Fact]
    public void ByStatus_CountsAndTotals_AsOfADate()
    {
        var report = QuoteReports.ByStatus(Quotes, new LocalDate(2026, 3, 2));

        Assert.Equal(
            [
                new QuoteStatusCount(QuoteStatus.Draft, Usd, 1, Usd_(59_760m)),
                new QuoteStatusCount(QuoteStatus.Sent, Usd, 1, Usd_(61_200m)),
                new QuoteStatusCount(QuoteStatus.Accepted, Usd, 1, Usd_(57_840m)),
            ],
            report.Rows
        );
        Assert.Equal(
            "quotes by status as of 2026-03-02\nstatus | quotes | total | total_currency\ndraft | 1 | 59760.00 | USD\nsent | 1 | 61200.00 | USD\naccepted | 1 | 57840.00 | USD",
            report.ToString()
        );
    }

    [Fact]
    public void ByStatus_AfterValidUntil_OpenQuotesAreExpired_AndLaterQuotesAreLeftOut()
    {
        var april = QuoteReports.ByStatus(Quotes, new LocalDate(2026, 4, 1));
        var before = QuoteReports.ByStatus(Quotes, new LocalDate(2026, 3, 1));

        Assert.Equal([(QuoteStatus.Accepted, 1), (QuoteStatus.Expired, 2)], april.Rows.Select(r => (r.Status, r.Count)));
        Assert.Equal(Usd_(59_760m + 61_200m), april.Rows[1].Total);
        Assert.Empty(before.Rows);
    }

    [Fact]
    public void ApprovalTurnaround_MedianMeanAndLongest()
    {
        var report = QuoteReports.ApprovalTurnaround(Quotes);

        // Q-17 approved after 2 h, Q-18 rejected after 6 h; Q-19 needed no approval. Median (2 + 6) / 2 = 4 h.
        Assert.Equal(
            [new ApprovalRequest("Q-17", 1, H(1), H(3), true), new ApprovalRequest("Q-18", 1, H(1), H(7), false)],
            report.Requests
        );
        Assert.Equal(Duration.FromHours(4), report.Median);
        Assert.Equal(Duration.FromHours(4), report.Mean);
        Assert.Equal(Duration.FromHours(6), report.Longest);
        Assert.Equal(2.0, report.ToTable()[0, 5]);
    }

    [Fact]
    public void AverageDiscount_ByProductAndOwner_IsValueWeighted()
    {
        var byProduct = QuoteReports.AverageDiscount(Quotes, Breakdown.Product);
        var byOwner = QuoteReports.AverageDiscount(Quotes, Breakdown.Owner);
        var byTeam = QuoteReports.AverageDiscount(Quotes, Breakdown.Team, Org);

        // Seats: list 3 x 48,000 = 144,000; off 5,760 + 3,840 + 2,400 = 12,000: 8.33...%.
        var seat = byProduct.Rows.Single(r => r.Key == "seat");
        Assert.Equal((3, Usd_(144_000m), Usd_(12_000m)), (seat.Quotes, seat.ListValue, seat.Discount));
        Assert.Equal(12_000m * 100m / 144_000m, seat.DiscountPercent);
        Assert.Equal(0m, byProduct.Rows.Single(r => r.Key == "support").DiscountPercent);
        // alice: list 3 x 63,600 = 190,800; off 12,000.
        Assert.Equal(12_000m * 100m / 190_800m, Assert.Single(byOwner.Rows).DiscountPercent);
        Assert.Equal(["east", "sales"], byTeam.Rows.Select(r => r.Key));
    }

    [Fact]
    public void AverageDiscount_BadBreakdown_Throws()
    {
        Assert.Equal(
            "by",
            Assert.Throws<ArgumentOutOfRangeException>(() => QuoteReports.AverageDiscount(Quotes, Breakdown.Source)).ParamName
        );
        Assert.Equal("org", Assert.Throws<ArgumentException>(() => QuoteReports.AverageDiscount(Quotes, Breakdown.Team)).ParamName);
    }

    [Fact]
    public void QuoteToWin_CountsDealsWithASentQuote()
    {
        var pipeline = PipelineDefinitionFor();
        Deal Open(string id) => Deal.Open(pipeline, new DealId(id), id, "alice", Usd_(1m), new LocalDate(2026, 4, 30), T0);
        var won = pipeline.ApplyOrThrow(Open("D-1001"), DealCommand.Win(H(6), "alice"));
        var lost = pipeline.ApplyOrThrow(Open("D-1002"), DealCommand.Lose(LossReason.Price, H(9), "alice"));

        var report = QuoteReports.QuoteToWin(Quotes, [won, lost, Open("D-1003")]);

        // Quoted (a sent quote): D-1001 (won) and D-1003 (open); D-1002's quote was never sent.
        Assert.Equal([new QuoteToWinRow(null, 2, 1, 0), new QuoteToWinRow("alice", 2, 1, 0)], report.Rows);
        Assert.Equal(0.5m, report.Rows[0].Rate);
        Assert.Equal(1m, report.Rows[0].DecidedRate);
    }

    private static SalesPipeline.Pipelines.PipelineDefinition PipelineDefinitionFor() =>
        SalesPipeline
            .Pipelines.PipelineDefinition.CreateBuilder("Simple")
            .Stage("Open", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .RequireExitCriteriaToWin(false)
            .Build();
}
