using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline;

/// <summary>
/// The exchange rates a report uses to bring amounts in several currencies into one <see cref="ReportingCurrency"/>:
/// for each currency, how many units of the reporting currency one unit of it is worth.
/// </summary>
/// <remarks>
/// <para>The caller supplies the rates (SalesPipeline reads no feed). <see cref="Convert"/> multiplies exactly and does
/// not round: a report rounds once, where it says so. A currency without a rate is an error naming the currency, never
/// a silent skip.</para>
/// <para>Immutable: <see cref="With"/> returns a new table. Thread-safe.</para>
/// <example><code>
/// var rates = ExchangeRates.In(Currency.USD).With(Currency.EUR, 1.08m).With(Currency.GBP, 1.27m);
/// rates.Convert(Money.Of(1_000m, Currency.EUR)); // USD 1,080.00
/// </code></example>
/// </remarks>
public sealed class ExchangeRates : IEquatable<ExchangeRates>
{
    private readonly FrozenDictionary<Currency, decimal> rates;

    private ExchangeRates(Currency reportingCurrency, FrozenDictionary<Currency, decimal> rates)
    {
        ReportingCurrency = reportingCurrency;
        this.rates = rates;
    }

    /// <summary>A table for reporting in <paramref name="reportingCurrency"/>, knowing only that currency itself (rate 1).</summary>
    /// <param name="reportingCurrency">The currency of the report.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reportingCurrency"/> is null.</exception>
    public static ExchangeRates In(Currency reportingCurrency)
    {
        Preconditions.CheckNotNull(reportingCurrency);
        return new ExchangeRates(reportingCurrency, new Dictionary<Currency, decimal> { [reportingCurrency] = 1m }.ToFrozenDictionary());
    }

    /// <summary>The currency every converted amount is in.</summary>
    public Currency ReportingCurrency { get; }

    /// <summary>The currencies the table has a rate for, including the reporting currency.</summary>
    public IEnumerable<Currency> Currencies => rates.Keys;

    /// <summary>Returns a table with one more (or a replaced) rate.</summary>
    /// <param name="currency">The currency; not the reporting currency (its rate is always 1).</param>
    /// <param name="rate">Units of the reporting currency per unit of <paramref name="currency"/>; above zero.</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the reporting currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is zero or negative.</exception>
    public ExchangeRates With(Currency currency, decimal rate)
    {
        Preconditions.CheckNotNull(currency);
        Preconditions.CheckArgument(
            currency != ReportingCurrency,
            nameof(currency),
            $"The rate of the reporting currency {ReportingCurrency.Code} is always 1; give rates for the other currencies."
        );
        Preconditions.CheckRange(
            rate > 0m,
            nameof(rate),
            rate,
            $"An exchange rate must be above zero; {currency.Code} was given {rate.ToString(CultureInfo.InvariantCulture)}."
        );
        var copy = new Dictionary<Currency, decimal>(rates) { [currency] = rate };
        return new ExchangeRates(ReportingCurrency, copy.ToFrozenDictionary());
    }

    /// <summary>Whether the table can convert <paramref name="currency"/>.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="rate">Its rate, or 0 when unknown.</param>
    /// <returns>True when there is a rate.</returns>
    public bool TryGetRate(Currency currency, out decimal rate) => rates.TryGetValue(Preconditions.CheckNotNull(currency), out rate);

    /// <summary>Converts an amount into the reporting currency, exactly (not rounded).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The amount times its currency's rate, in the reporting currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amount"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">The table has no rate for the amount's currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The converted amount is beyond the reporting currency's <see cref="Currency.MaxAmount"/> (10^18 minor units).
    /// </exception>
    public Money Convert(Money amount)
    {
        Preconditions.CheckNotNull(amount);
        if (!rates.TryGetValue(amount.Currency, out var rate))
        {
            throw new MissingExchangeRateException(amount.Currency, ReportingCurrency);
        }
        decimal converted;
        try
        {
            converted = amount.Amount * rate;
        }
        catch (OverflowException)
        {
            throw OutOfRange(amount, rate, Money.Approximately((double)amount.Amount * (double)rate, ReportingCurrency));
        }
        return Money.InRange(converted, ReportingCurrency)
            ? Money.Of(converted, ReportingCurrency)
            : throw OutOfRange(amount, rate, Money.Text(converted, ReportingCurrency));
    }

    private ArgumentOutOfRangeException OutOfRange(Money amount, decimal rate, string converted) =>
        Money.OutOfRange(
            nameof(amount),
            amount,
            $"{amount} at the rate {rate.ToString(CultureInfo.InvariantCulture)} is {converted}, which",
            ReportingCurrency
        );

    /// <summary>"USD: EUR 1.08, GBP 1.27".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        ReportingCurrency.Code
        + ":"
        + (rates.Count > 1 ? " " : "")
        + string.Join(
            ", ",
            rates
                .Where(r => r.Key != ReportingCurrency)
                .OrderBy(r => r.Key.Code, StringComparer.Ordinal)
                .Select(r => r.Key.Code + " " + r.Value.ToString(CultureInfo.InvariantCulture))
        );

    // The one conversion rule of every report (forecasts, attainment, metrics): through the rates when given, else the
    // amount must already be in the reporting currency. Never skips an amount.
    internal static Money ToReporting(ExchangeRates? rates, Money amount, Currency reportingCurrency) =>
        rates is not null ? rates.Convert(amount)
        : amount.Currency == reportingCurrency ? amount
        : throw new MissingExchangeRateException(amount.Currency, reportingCurrency);

    /// <summary>Whether two tables convert alike: the same reporting currency and the same rate for every currency.</summary>
    /// <param name="other">The other table.</param>
    /// <returns>True when equal; the order the rates were added in does not matter, and 1.08 equals 1.080.</returns>
    public bool Equals(ExchangeRates? other) =>
        other is not null
        && (
            ReferenceEquals(this, other)
            || (
                other.ReportingCurrency == ReportingCurrency
                && other.rates.Count == rates.Count
                && rates.All(r => other.rates.TryGetValue(r.Key, out var theirs) && theirs == r.Value)
            )
        );

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ExchangeRates);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(ReportingCurrency, rates.Count, rates.Sum(r => (long)HashCode.Combine(r.Key, r.Value)));

    /// <summary>Whether two tables are equal by content (<see cref="Equals(ExchangeRates?)"/>).</summary>
    /// <param name="left">A table or null.</param>
    /// <param name="right">A table or null.</param>
    /// <returns>True when both are null or equal.</returns>
    public static bool operator ==(ExchangeRates? left, ExchangeRates? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two tables differ by content.</summary>
    /// <param name="left">A table or null.</param>
    /// <param name="right">A table or null.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(ExchangeRates? left, ExchangeRates? right) => !(left == right);
}
