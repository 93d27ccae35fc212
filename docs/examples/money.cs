#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// Every code block of docs/money.md, in order; CI runs this file and a test checks the blocks still match it.
using NodaTime;
using SalesPipeline;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

// Creating money
var price = Money.Of(1250.00m, Currency.USD);
var yen = Money.FromMinorUnits(125_000, Currency.JPY);
var dinar = Money.Of(-3.5m, Currency.FromCode("KWD"));
Console.WriteLine($"{price} | {yen} | {dinar}"); // USD 1,250.00 | JPY 125,000 | KWD -3.500

// Arithmetic is exact; rounding is explicit
var discounted = price * 0.875m; // USD 1,093.75
var perSeat = price / 7m; // USD 178.57142857142857142857142857 (not rounded)
Console.WriteLine($"{discounted} | {perSeat.Round()} | {Money.Of(2.675m, Currency.USD).Round()}"); // USD 1,093.75 | USD 178.57 | USD 2.68

// Currencies never mix
try
{
    _ = price + Money.Of(10m, Currency.EUR);
}
catch (CurrencyMismatchException e)
{
    Console.WriteLine(e.Message); // Cannot add amounts in different currencies: USD and EUR. Convert one of them first.
}

// Splitting without losing a cent
var thirds = Money.Of(100m, Currency.USD).Allocate(3); // USD 33.34, USD 33.33, USD 33.33
var byWeight = Money.Of(0.05m, Currency.USD).Allocate([0.3m, 0.7m]); // USD 0.02, USD 0.03
var negative = Money.Of(-5.47m, Currency.USD).Allocate(3); // USD -1.83, USD -1.82, USD -1.82
Console.WriteLine(string.Join(", ", thirds.Concat(byWeight).Concat(negative)));

// Range
try
{
    _ = Money.Of(6e15m, Currency.USD) + Money.Of(5e15m, Currency.USD);
}
catch (ArgumentOutOfRangeException e)
{
    Console.WriteLine(e.Message.Split('\n')[0]); // USD 6,000,000,000,000,000.00 + USD 5,000,000,000,000,000.00 = USD 11,000,000,000,000,000.00 is outside the range of Money in USD: at most USD 10,000,000,000,000,000.00 either way (10^18 minor units; see docs/money.md, "Range"). (Parameter 'other')
}
Console.WriteLine(Currency.USD.MaxAmount == 10_000_000_000_000_000m); // True

// The reporting currency
var pipeline = PipelineDefinition.Default;
var opened = Instant.FromUtc(2026, 1, 5, 9, 0);
var close = new LocalDate(2026, 2, 20);
Deal[] deals =
[
    Deal.Open(pipeline, new DealId("D-1"), "Acme", "alice", Money.Of(10_000m, Currency.USD), close, opened),
    Deal.Open(pipeline, new DealId("D-2"), "Globex", "bob", Money.Of(5_000m, Currency.EUR), close, opened),
];
var quarter = new[] { FiscalCalendar.Calendar.Quarter(2026, 1) };
try
{
    _ = Forecast.StageWeighted(deals, pipeline, quarter);
}
catch (MissingExchangeRateException e)
{
    Console.WriteLine(e.Message); // The amounts are in EUR and USD and no exchange rates were given, so there is no one reporting currency; pass rates, for example ExchangeRates.In(Currency.EUR).With(Currency.USD, rate).
}
var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m);
var forecast = Forecast.StageWeighted(deals, pipeline, quarter, new ForecastOptions { Rates = rates });
Console.WriteLine(forecast.Currency); // USD
Console.WriteLine(rates == ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.080m)); // True

// The values the page states, checked (worked out by hand: 1,250.00 x 0.875 = 1,093.75; 1,250 / 7 = 178.5714...;
// 100 / 3 = 33.33 with the cent left over going to the first share; 0.05 split 0.3 : 0.7 is 0.015 : 0.035, whole cents
// 0.01 : 0.03 and the remaining cent to the larger remainder, the first; -5.47 / 3 = -1.8233...).
static void Check(bool holds, string what)
{
    if (!holds)
    {
        throw new InvalidOperationException("docs/money.md example: " + what);
    }
}
static string MessageOf(Action action)
{
    try
    {
        action();
    }
    catch (Exception e)
    {
        return e.Message.Split('\n')[0];
    }
    return "(no exception)";
}
Check($"{price} | {yen} | {dinar}" == "USD 1,250.00 | JPY 125,000 | KWD -3.500", "price, yen and dinar print differently.");
Check(discounted == Money.Of(1_093.75m, Currency.USD) && discounted.ToString() == "USD 1,093.75", $"the discount is {discounted}.");
Check(perSeat.Amount == 1_250m / 7m && perSeat.ToString() == "USD 178.57142857142857142857142857", $"the seat price is {perSeat}.");
Check(
    perSeat.Round() == Money.Of(178.57m, Currency.USD) && Money.Of(2.675m, Currency.USD).Round() == Money.Of(2.68m, Currency.USD),
    "rounding differs."
);
Check(
    string.Join(", ", thirds.Concat(byWeight).Concat(negative))
        == "USD 33.34, USD 33.33, USD 33.33, USD 0.02, USD 0.03, USD -1.83, USD -1.82, USD -1.82",
    "the allocations differ."
);
Check(
    MessageOf(() => _ = price + Money.Of(10m, Currency.EUR))
        == "Cannot add amounts in different currencies: USD and EUR. Convert one of them first.",
    "the currency mismatch reads differently."
);
Check(
    MessageOf(() => _ = Money.Of(6e15m, Currency.USD) + Money.Of(5e15m, Currency.USD))
        == "USD 6,000,000,000,000,000.00 + USD 5,000,000,000,000,000.00 = USD 11,000,000,000,000,000.00 is outside the range of Money in USD: at most USD 10,000,000,000,000,000.00 either way (10^18 minor units; see docs/money.md, \"Range\"). (Parameter 'other')",
    "the range error reads differently."
);

// 10^18 minor units at 2 decimals: 10^16.
Check(Currency.USD.MaxAmount == 10_000_000_000_000_000m, "USD's largest amount is not 10^16.");
Check(
    MessageOf(() => _ = Forecast.StageWeighted(deals, pipeline, quarter))
        == "The amounts are in EUR and USD and no exchange rates were given, so there is no one reporting currency; pass rates, for example ExchangeRates.In(Currency.EUR).With(Currency.USD, rate).",
    "the missing rates read differently."
);
Check(
    forecast.Currency == Currency.USD && rates == ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.080m),
    "the reporting currency differs."
);
