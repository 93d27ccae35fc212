using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Quotes;

namespace SalesPipeline.Benchmarks;

// Pricing and the approval check of a 200-line quote: per-line rounding, a 5% quote discount allocated over the lines,
// and a policy of four rules resolved in a three-level organisation.
[MemoryDiagnoser]
[MedianColumn]
public class QuoteBenchmarks
{
    private static readonly QuoteLine[] Lines = Enumerable
        .Range(0, 200)
        .Select(i =>
        {
            var list = Money.Of(10m + (i * 7.35m), Currency.USD);
            return new QuoteLine(
                $"p{i}",
                1m + (i % 17),
                i % 5 == 0 ? list.Multiply(0.97m) : list,
                list,
                list.Multiply(0.7m),
                i % 3 == 0 ? Discount.Percentage(i % 20) : null
            );
        })
        .ToArray();

    private static readonly Discount FivePercent = Discount.Percentage(5m);

    private static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("sales", "Sales", lead: "victor")
        .Team("east", "East", parent: "sales", lead: "maria")
        .Rep("victor", "Victor", "sales")
        .Rep("maria", "Maria", "east")
        .Rep("alice", "Alice", "east")
        .Build();

    private static readonly ApprovalPolicy Policy = new([
        ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
        ApprovalRule.LineDiscountAbove(20m, Approver.NextLevelUp),
        ApprovalRule.PriceUnderFloor(Approver.NextLevelUp),
        ApprovalRule.TotalAbove(Money.Of(1_000_000m, Currency.USD), Approver.NextLevelUp),
    ]);

    private static readonly QuoteTotals Priced = QuoteTotals.Of(Lines, FivePercent);

    private static readonly Quote Draft = Quote.Create(
        "Q-1",
        new DealId("D-1"),
        "alice",
        new LocalDate(2026, 3, 31),
        Lines,
        Instant.FromUtc(2026, 3, 2, 9, 0),
        "alice",
        FivePercent
    );

    [Benchmark]
    public QuoteTotals Price200Lines() => QuoteTotals.Of(Lines, FivePercent);

    [Benchmark]
    public ApprovalDecision DecideApproval() => Policy.Decide(Priced, "alice", Org);

    [Benchmark]
    public ApprovalDecision PriceAndDecide() => Policy.Decide(QuoteTotals.Of(Lines, FivePercent), "alice", Org);

    [Benchmark]
    public Quote Submit() => Draft.Submit(Policy, Org, Instant.FromUtc(2026, 3, 2, 10, 0), "alice");
}
