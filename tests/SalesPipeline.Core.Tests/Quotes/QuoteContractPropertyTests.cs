using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

public class QuoteContractPropertyTests
{
    // Random quotes (in USD, JPY, KWD) accepted and turned into a contract under random percentage / balance terms: the
    // instalments add up to the accepted quote's total exactly.
    [Fact]
    public void ToCollectionSchedule_TotalIsTheAcceptedQuoteTotal_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from q in QuoteGen.Quotes
                    from first in Gen.Choose(1, 99)
                    from instalments in Gen.Choose(1, 12)
                    select (q, first, instalments)
                ).ToArbitrary(),
                x =>
                {
                    var quote = Quote.Create(
                        "Q-1",
                        new DealId("D-1"),
                        "alice",
                        new LocalDate(2026, 3, 31),
                        x.q.Lines,
                        T0,
                        "alice",
                        x.q.QuoteDiscount
                    );
                    if (quote.Total.IsZero)
                    {
                        return true;
                    }
                    var accepted = quote.Submit(ApprovalPolicy.None, Org, Day(1), "alice").Send(Day(1), "alice").Accept(Day(2), "alice");
                    var terms = PaymentTerms.Create(
                        TermsLine.Percentage(x.first, DueRule.DaysAfterStart(0)),
                        TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: x.instalments)
                    );
                    var schedule = accepted.ToCollectionSchedule(terms, new LocalDate(2026, 3, 6));
                    return Money.Sum(schedule.Instalments.Select(i => i.Amount), accepted.Currency) == accepted.Total
                        && schedule.Instalments.All(i => !i.Amount.IsNegative);
                }
            )
        );
}
