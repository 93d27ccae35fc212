using System;

namespace SalesPipeline;

/// <summary>
/// Thrown when an amount must be converted into a reporting currency and the <see cref="ExchangeRates"/> table has no
/// rate for its currency: the amount is never skipped silently.
/// </summary>
/// <remarks>
/// <para>Also thrown when amounts in several currencies come without exchange rates: then there is no one reporting
/// currency (see <c>docs/money.md</c>, "The reporting currency"), <see cref="ReportingCurrency"/> is null and
/// <see cref="Currencies"/> lists every currency met.</para>
/// <para>Instances are immutable after construction.</para>
/// </remarks>
public sealed class MissingExchangeRateException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="currency">The currency without a rate.</param>
    /// <param name="reportingCurrency">The reporting currency.</param>
    public MissingExchangeRateException(Currency currency, Currency reportingCurrency)
        : base(
            $"There is no exchange rate from {currency?.Code} to the reporting currency {reportingCurrency?.Code}; add one with ExchangeRates.With({currency?.Code}, rate)."
        )
    {
        Currency = currency;
        ReportingCurrency = reportingCurrency;
        Currencies = currency is null ? [] : [currency];
    }

    // Amounts in several currencies and no rates: no reporting currency can be chosen. currencies: distinct, ordinal by code.
    internal MissingExchangeRateException(Currency[] currencies)
        : base(
            $"The amounts are in {string.Join(", ", Array.ConvertAll(currencies[..^1], c => c.Code))} and {currencies[^1].Code} and no exchange rates were given, so there is no one reporting currency; pass rates, for example ExchangeRates.In(Currency.{currencies[0].Code}).With(Currency.{currencies[1].Code}, rate)."
        )
    {
        Currency = currencies[1];
        ReportingCurrency = null;
        Currencies = Array.AsReadOnly(currencies);
    }

    /// <summary>The currency without a rate.</summary>
    public Currency? Currency { get; }

    /// <summary>The reporting currency; null when amounts in several currencies came without rates.</summary>
    public Currency? ReportingCurrency { get; }

    /// <summary>The currencies without a rate: the one of <see cref="Currency"/>, or, for amounts in several currencies
    /// without rates, every currency met, in ordinal order of their codes.</summary>
    public System.Collections.Generic.IReadOnlyList<Currency> Currencies { get; }
}
