using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Quotes;

namespace SalesPipeline.Tests.Quotes;

// Random quotes: 1-12 lines in USD, JPY or KWD with fractional quantities, unit prices finer than the minor unit, list
// prices at or above them, and percentage or amount discounts on lines and on the quote, every amount discount within
// what it discounts (the rule the constructors enforce).
internal static class QuoteGen
{
    public sealed record GeneratedQuote(QuoteLine[] Lines, Discount? QuoteDiscount)
    {
        public override string ToString() => string.Join("; ", Lines.Select(l => l.ToString())) + $" | quote discount {QuoteDiscount}";
    }

    private static readonly Currency[] Currencies = [Currency.USD, Currency.JPY, Currency.KWD];

    public static Gen<QuoteLine> Line(string productId, Currency currency) =>
        from quantityHundredths in Gen.Choose(1, 100_000)
        from priceUnits in Gen.Choose(0, 5_000_000)
        from priceScale in Gen.Elements(0, 1, 2)
        from markup in Gen.Choose(0, 3_000)
        from floorShare in Gen.Choose(0, 110)
        from discountKind in Gen.Choose(0, 2)
        from percentHundredths in Gen.Choose(0, 10_000)
        from amountShare in Gen.Choose(0, 1_000)
        let quantity = quantityHundredths / 100m
        let unitPrice = Money.Of(priceUnits * currency.MinorUnitValue / Pow10(priceScale), currency)
        let listPrice = unitPrice + Money.Of(markup * currency.MinorUnitValue, currency)
        let floor = floorShare > 100 ? null : Money.Of(listPrice.Amount * floorShare / 100m, currency)
        let gross = unitPrice.Multiply(quantity).Round()
        let discount = discountKind switch
        {
            0 => null,
            1 => Discount.Percentage(percentHundredths / 100m),
            _ => Discount.Of(Money.FromMinorUnits(gross.ToMinorUnits() * amountShare / 1_000, currency)),
        }
        select new QuoteLine(productId, quantity, unitPrice, listPrice, floor, discount);

    public static readonly Gen<GeneratedQuote> Quotes =
        from currency in Gen.Elements(Currencies)
        from count in Gen.Choose(1, 12)
        from lines in Gen.CollectToArray(Enumerable.Range(0, count), i => Line($"p{i}", currency))
        from kind in Gen.Choose(0, 2)
        from percentHundredths in Gen.Choose(0, 10_000)
        from amountShare in Gen.Choose(0, 1_000)
        let array = lines.ToArray()
        let afterLines = QuoteTotals.Of(array).Total
        let discount = kind switch
        {
            0 => null,
            1 => Discount.Percentage(percentHundredths / 100m),
            _ => Discount.Of(Money.FromMinorUnits(afterLines.ToMinorUnits() * amountShare / 1_000, currency)),
        }
        select new GeneratedQuote(array, discount);

    private static decimal Pow10(int n) =>
        n switch
        {
            0 => 1m,
            1 => 10m,
            _ => 100m,
        };
}
