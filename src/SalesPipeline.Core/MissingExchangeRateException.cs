using System;

namespace SalesPipeline;

/// <summary>
/// Thrown when an amount must be converted into a reporting currency and the <see cref="ExchangeRates"/> table has no
/// rate for its currency: the amount is never skipped silently.
/// </summary>
/// <remarks>Instances are immutable after construction.</remarks>
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
    }

    /// <summary>The currency without a rate.</summary>
    public Currency? Currency { get; }

    /// <summary>The reporting currency.</summary>
    public Currency? ReportingCurrency { get; }
}
