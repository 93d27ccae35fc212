using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Frames;

// Deals in three currencies and exchange rates for them, for the properties of the kernels that convert: the deals
// of FrameDeals with each one's amounts moved into USD, EUR or GBP, and rates of every kind a caller may pass: short
// ones (1.08), the same value at another scale (1.0800), 28-digit ones whose products round past 28 significant
// digits (0.9259259259259259259259259259), tiny ones whose products round past scale 28 yet keep a long mantissa,
// a missing rate (MissingExchangeRateException) and a huge one (a product beyond USD's range).
internal static class RatedDeals
{
    private static readonly Currency[] Currencies = [Currency.USD, Currency.EUR, Currency.GBP];

    public static readonly Gen<Deal[]> Deals = InThreeCurrencies(FrameDeals.Deals);

    public static readonly Gen<Deal[]> PlainDeals = InThreeCurrencies(FrameDeals.PlainDeals);

    // Rates of every kind, reporting in USD or (now and then) EUR.
    public static readonly Gen<ExchangeRates> Rates =
        from euroReports in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from usd in Gen.Elements(0.9259259259259259259259259259m, 0.93m, 0.925900m)
        from eur in Gen.Elements(1.08m, 1.0800m, 1.0799999999999999999999999999m, 1m, 1234.5678m, 0.000001m, 3m)
        from gbp in Gen.Elements<decimal?>(1.27m, 1.2700000m, 0.7874015748031496062992125984m, 0.00000000000000000000012345m, null, 1e12m)
        select Table(euroReports, usd, eur, gbp);

    // Rates with short mantissas and no gaps: the inputs the kernels take without falling back.
    public static readonly Gen<ExchangeRates> PlainRates =
        from eur in Gen.Elements(1.08m, 1.0800m, 1m, 0.000001m, 3m)
        from gbp in Gen.Elements(1.27m, 1.2700000m, 0.9m)
        select ExchangeRates.In(Currency.USD).With(Currency.EUR, eur).With(Currency.GBP, gbp);

    private static ExchangeRates Table(bool euroReports, decimal usd, decimal eur, decimal? gbp)
    {
        var rates = euroReports
            ? ExchangeRates.In(Currency.EUR).With(Currency.USD, usd)
            : ExchangeRates.In(Currency.USD).With(Currency.EUR, eur);
        return gbp is { } g ? rates.With(Currency.GBP, g) : rates;
    }

    private static Gen<Deal[]> InThreeCurrencies(Gen<Deal[]> deals) =>
        from list in deals
        from picks in Gen.ListOf(Gen.Choose(0, 2))
        select list.Select((d, i) => In(d, picks.Count == 0 ? Currency.USD : Currencies[picks[i % picks.Count]])).ToArray();

    // The same deal with every amount of its history in the given currency.
    internal static Deal In(Deal deal, Currency currency) =>
        Deal.FromEvents(
            deal.Events.Select(e =>
                    e switch
                    {
                        DealCreated c => c with { Amount = Money.Of(c.Amount.Amount, currency) },
                        AmountChanged a => a with { Amount = Money.Of(a.Amount.Amount, currency) },
                        _ => e,
                    }
                )
                .ToList()
        );
}
