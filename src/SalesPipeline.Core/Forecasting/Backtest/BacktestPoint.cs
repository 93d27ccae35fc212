using System;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>One forecast to replay: the date it would have been made on, and the period it forecasts.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record BacktestPoint
{
    /// <summary>Creates a point.</summary>
    /// <param name="forecastDate">The date the forecast is made on (the deals as they were at its start are used).</param>
    /// <param name="period">The period forecast; it must not end before <paramref name="forecastDate"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException">The period ends before the forecast date.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="forecastDate"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public BacktestPoint(LocalDate forecastDate, FiscalPeriod period)
    {
        Preconditions.CheckDate(forecastDate);
        Period = Preconditions.CheckNotNull(period);
        Preconditions.CheckArgument(
            period.End >= forecastDate,
            nameof(period),
            $"A forecast made on {forecastDate:uuuu-MM-dd} cannot be for {period}, which ended before it."
        );
        ForecastDate = forecastDate;
    }

    /// <summary>The forecast made on the first day of <paramref name="period"/>, for that period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public static BacktestPoint AtStartOf(FiscalPeriod period) => new(Preconditions.CheckNotNull(period).Start, period);

    /// <summary>The date the forecast is made on.</summary>
    public LocalDate ForecastDate { get; }

    /// <summary>The period forecast.</summary>
    public FiscalPeriod Period { get; }
}
