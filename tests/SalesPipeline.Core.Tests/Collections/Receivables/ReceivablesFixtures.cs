using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Organization;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections.Receivables;

// A small book of receivables, worked by hand in the comments.
internal static class ReceivablesFixtures
{
    public static readonly LocalDate AsOf = D("2026-04-10");

    public static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("east", "East")
        .Team("west", "West")
        .Rep("alice", "Alice", "east")
        .Rep("bob", "Bob", "west")
        .Build();

    public static PaymentTerms AllOnSigning() => PaymentTerms.Create(TermsLine.Percentage(100m, DueRule.DaysAfterStart(0)));

    // C-1 Globex (alice): USD 10,000.00 signed 2026-01-31, 30% then two monthly parts: 3,000.00 due 01-31,
    // 3,500.00 due 02-28, 3,500.00 due 03-31; WIRE-1 4,000.00 on 02-02 pays #1 and 1,000.00 of #2.
    // On 2026-04-10: #2 owes 2,500.00, 41 days overdue (28 Feb -> 31 Mar is 31 days, + 10); #3 owes 3,500.00, 10 days.
    public static CollectionSchedule C1() =>
        CollectionSchedule
            .Create(Usd(10_000m), D("2026-01-31"), ThirtyThenTwoMonthly(), new ContractInfo("C-1", "Globex", "alice"))
            .Record(Pay("WIRE-1", "2026-02-02", 4_000m));

    // C-2 Initech (bob): USD 1,000.00 due on signing, 2026-04-10: due on the report date, 0 days ("current").
    public static CollectionSchedule C2() =>
        CollectionSchedule.Create(Usd(1_000m), D("2026-04-10"), AllOnSigning(), new ContractInfo("C-2", "Initech", "bob"));

    // C-3 Globex (alice): USD 900.00 due 2025-12-01, unpaid. Dec 1 -> Apr 10 = 30 (Dec) + 1 + 31 (Jan) + 28 (Feb)
    // + 31 (Mar) + 9 = 130 days: over 90.
    public static CollectionSchedule C3() =>
        CollectionSchedule.Create(Usd(900m), D("2025-12-01"), AllOnSigning(), new ContractInfo("C-3", "Globex", "alice"));

    // C-4 Umbrella (bob): USD 2,000.00, half on signing 2026-03-01 (paid on the day), half on "go-live" (not reached):
    // nothing billed is owed; the milestone half is not a receivable yet.
    public static CollectionSchedule C4() =>
        CollectionSchedule
            .Create(
                Usd(2_000m),
                D("2026-03-01"),
                PaymentTerms.Create(
                    TermsLine.Percentage(50m, DueRule.DaysAfterStart(0)),
                    TermsLine.Percentage(50m, DueRule.OnMilestone("go-live"))
                ),
                new ContractInfo("C-4", "Umbrella", "bob")
            )
            .Record(Pay("CHK-4", "2026-03-01", 1_000m));

    public static CollectionSchedule[] Book() => [C1(), C2(), C3(), C4()];

    public static decimal[] Amounts(AgingLine line) => [.. line.Buckets.Select(b => b.Amount)];

    public static Money Jpy(decimal amount) => Money.Of(amount, Currency.JPY);
}
