using System;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>How a forecast reads its deals: currency conversion, the time zone of close dates, the date it is made on,
/// and the organization it rolls up through.</summary>
/// <remarks>Immutable; thread-safe. Every property has a sensible default, so <c>new ForecastOptions()</c> works.</remarks>
public sealed record ForecastOptions
{
    /// <summary>
    /// The exchange rates to the reporting currency. When null, every deal must be in one currency, which becomes the
    /// reporting currency; deals in several currencies are then a <see cref="MissingExchangeRateException"/> naming
    /// them all (the one rule of every report: docs/money.md, "The reporting currency").
    /// </summary>
    public ExchangeRates? Rates { get; init; }

    /// <summary>The time zone in which a won deal's closing instant becomes its close date; UTC by default.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>
    /// The date the forecast is made on: open deals expected to close before it are overdue and reported on their own
    /// line. When null, the first period's start is used.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public LocalDate? AsOf
    {
        get;
        init => field = Preconditions.CheckDate(value, nameof(AsOf));
    }

    /// <summary>The organization for per-team roll-ups; when null, figures are given per owner only.</summary>
    public SalesOrg? Organization { get; init; }

    /// <summary>The default options: one currency, UTC, as of the first period's start, no organization.</summary>
    public static ForecastOptions Default { get; } = new();

    internal Money ToReporting(Money amount, Currency reportingCurrency) => ExchangeRates.ToReporting(Rates, amount, reportingCurrency);

    internal void Check(string paramName)
    {
        if (Zone is null)
        {
            throw new ArgumentException("ForecastOptions.Zone must not be null; use DateTimeZone.Utc for UTC.", paramName);
        }
    }

    // Check plus the rates' reporting currency, which must be the figures' currency; subject names what is in
    // reportingCurrency (e.g. "the forecast is").
    internal void Check(string paramName, Currency reportingCurrency, string subject, string currencyParamName)
    {
        Check(paramName);
        if (Rates is { } rates && rates.ReportingCurrency != reportingCurrency)
        {
            throw new ArgumentException(
                $"The exchange rates report in {rates.ReportingCurrency.Code}, but {subject} in {reportingCurrency.Code}.",
                currencyParamName
            );
        }
    }
}
