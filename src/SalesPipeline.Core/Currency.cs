using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline;

/// <summary>
/// A currency of ISO 4217: its three-letter code, numeric code, English name and minor unit
/// (the number of decimal places its amounts are kept to: JPY 0, USD 2, KWD 3, CLF 4).
/// </summary>
/// <remarks>
/// <para>Every active code of ISO 4217 is known; <see cref="FromCode"/> rejects any other. Codes whose minor unit
/// the standard gives as "N.A." (gold XAU, special drawing rights XDR, the test code XTS, ...) have
/// <see cref="HasMinorUnit"/> false: their amounts are never rounded and cannot be allocated.</para>
/// <para>There is exactly one instance per code, so equality is by code. Instances are immutable and safe to share
/// across threads.</para>
/// </remarks>
public sealed class Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<string, Currency> ByCode = Iso4217
        .Active.Select(c => new Currency(c.Code, c.Numeric, c.MinorUnit, c.Name))
        .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private static readonly IReadOnlyList<Currency> AllSorted = ByCode
        .Values.OrderBy(c => c.Code, StringComparer.Ordinal)
        .ToArray()
        .AsReadOnly();

    private readonly int minorUnit;

    private Currency(string code, int numericCode, int minorUnit, string name)
    {
        Code = code;
        NumericCode = numericCode;
        this.minorUnit = minorUnit;
        Name = name;
    }

    /// <summary>The three-letter alphabetic code, for example "USD".</summary>
    public string Code { get; }

    /// <summary>The three-digit numeric code, for example 840 for USD.</summary>
    public int NumericCode { get; }

    /// <summary>The English name the standard gives, for example "US Dollar".</summary>
    public string Name { get; }

    /// <summary>Whether the standard gives this currency a minor unit (false for XAU, XDR, XXX and the like).</summary>
    public bool HasMinorUnit => minorUnit >= 0;

    /// <summary>The number of decimal places of the minor unit: 0 for JPY, 2 for USD, 3 for KWD, 4 for CLF.</summary>
    /// <exception cref="InvalidOperationException">The currency has no minor unit (<see cref="HasMinorUnit"/> is false).</exception>
    public int MinorUnit =>
        minorUnit >= 0
            ? minorUnit
            : throw new InvalidOperationException(
                $"Currency {Code} ({Name}) has no minor unit in ISO 4217, so its amounts cannot be rounded or allocated."
            );

    /// <summary>The value of one minor unit: 0.01 for USD, 1 for JPY, 0.001 for KWD.</summary>
    /// <exception cref="InvalidOperationException">The currency has no minor unit.</exception>
    public decimal MinorUnitValue => MinorUnitValues[MinorUnit];

    private static readonly decimal[] MinorUnitValues = [1m, 0.1m, 0.01m, 0.001m, 0.0001m];

    /// <summary>
    /// The largest amount <see cref="Money"/> holds in this currency, either way: 10^18 minor units, so that every amount
    /// has a count of minor units that fits a <see cref="long"/>. USD 10,000,000,000,000,000.00 (10^16), JPY 10^18, KWD
    /// 10^15, CLF 10^14; a currency without a minor unit (XAU, XDR, ...) 10^14, as if it had 4 decimals, the most any has.
    /// </summary>
    /// <remarks>
    /// <see cref="Money.Of"/>, arithmetic, <see cref="ExchangeRates.Convert"/> and every total a report computes are
    /// checked against it and throw <see cref="ArgumentOutOfRangeException"/> naming the value and this limit.
    /// </remarks>
    public decimal MaxAmount => minorUnit >= 0 ? MaxAmounts[minorUnit] : MaxAmounts[^1];

    // 10^18 minor units at 0 to 4 decimals. Exact decimals, so the limit is itself a whole number of minor units.
    private static readonly decimal[] MaxAmounts =
    [
        1_000_000_000_000_000_000m,
        100_000_000_000_000_000m,
        10_000_000_000_000_000m,
        1_000_000_000_000_000m,
        100_000_000_000_000m,
    ];

    /// <summary>Every active ISO 4217 currency, ordered by code.</summary>
    public static IReadOnlyList<Currency> All => AllSorted;

    /// <summary>Returns the currency with the given ISO 4217 code.</summary>
    /// <param name="code">A three-letter code in capitals, for example "EUR".</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not an active ISO 4217 code.</exception>
    public static Currency FromCode(string code)
    {
        Preconditions.CheckNotNull(code);
        if (ByCode.TryGetValue(code, out var currency))
        {
            return currency;
        }
        var hint = ByCode.ContainsKey(code.Trim().ToUpperInvariant())
            ? $" Codes are three capital letters: did you mean \"{code.Trim().ToUpperInvariant()}\"?"
            : "";
        throw new ArgumentException($"\"{code}\" is not an active ISO 4217 currency code.{hint}", nameof(code));
    }

    /// <summary>Looks up a currency by its ISO 4217 code without throwing.</summary>
    /// <param name="code">A three-letter code in capitals.</param>
    /// <param name="currency">The currency, or null when the code is unknown.</param>
    /// <returns>Whether the code is an active ISO 4217 code.</returns>
    public static bool TryFromCode(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && ByCode.TryGetValue(code, out currency);
    }

    /// <summary>US Dollar (2 decimals).</summary>
    public static Currency USD { get; } = FromCode("USD");

    /// <summary>Euro (2 decimals).</summary>
    public static Currency EUR { get; } = FromCode("EUR");

    /// <summary>Pound Sterling (2 decimals).</summary>
    public static Currency GBP { get; } = FromCode("GBP");

    /// <summary>Yen (no decimals).</summary>
    public static Currency JPY { get; } = FromCode("JPY");

    /// <summary>Swiss Franc (2 decimals).</summary>
    public static Currency CHF { get; } = FromCode("CHF");

    /// <summary>Canadian Dollar (2 decimals).</summary>
    public static Currency CAD { get; } = FromCode("CAD");

    /// <summary>Australian Dollar (2 decimals).</summary>
    public static Currency AUD { get; } = FromCode("AUD");

    /// <summary>Yuan Renminbi (2 decimals).</summary>
    public static Currency CNY { get; } = FromCode("CNY");

    /// <summary>Indian Rupee (2 decimals).</summary>
    public static Currency INR { get; } = FromCode("INR");

    /// <summary>Kuwaiti Dinar (3 decimals).</summary>
    public static Currency KWD { get; } = FromCode("KWD");

    /// <inheritdoc/>
    public bool Equals(Currency? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Returns the code, for example "USD".</summary>
    /// <returns>The three-letter code.</returns>
    public override string ToString() => Code;

    /// <summary>Whether two currencies are the same.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when both are the same currency (or both null).</returns>
    public static bool operator ==(Currency? left, Currency? right) => ReferenceEquals(left, right);

    /// <summary>Whether two currencies differ.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when the currencies differ.</returns>
    public static bool operator !=(Currency? left, Currency? right) => !ReferenceEquals(left, right);
}
