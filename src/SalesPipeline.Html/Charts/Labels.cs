using SalesPipeline.Html.Markup;

namespace SalesPipeline.Html.Charts;

// The texts charts write for money.
internal static class Labels
{
    // "60,000.00 USD": the amount with its currency's decimals, then the code (as in the HTML tables).
    public static string Money(decimal amount, Currency currency) =>
        (currency.HasMinorUnit ? Numbers.Amount(amount, currency.MinorUnit) : Numbers.Exact(amount)) + " " + currency.Code;

    public static string Money(SalesPipeline.Money money) => Money(money.Amount, money.Currency);
}
