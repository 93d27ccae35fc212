using NodaTime;
using NodaTime.Text;
using SalesPipeline.Collections;

namespace SalesPipeline.Tests.Collections;

internal static class CollectionFixtures
{
    public static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    public static decimal[] Amounts(CollectionSchedule schedule) => [.. schedule.Instalments.Select(i => i.Amount.Amount)];

    public static LocalDate?[] DueDates(CollectionSchedule schedule) => [.. schedule.Instalments.Select(i => i.DueOn)];

    // 30% on signing, the balance in two monthly parts: USD 10,000.00 signed 2026-01-31 gives
    // #1 3,000.00 due 2026-01-31, #2 3,500.00 due 2026-02-28 (clamped), #3 3,500.00 due 2026-03-31.
    public static PaymentTerms ThirtyThenTwoMonthly() =>
        PaymentTerms.Create(
            TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)),
            TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2)
        );

    public static CollectionSchedule TenThousand() => CollectionSchedule.Create(Usd(10_000m), D("2026-01-31"), ThirtyThenTwoMonthly());

    public static Payment Pay(string reference, string on, decimal amount, int? instalment = null) =>
        new(reference, D(on), Usd(amount), instalment);
}
