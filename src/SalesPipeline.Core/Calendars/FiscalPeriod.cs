using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Calendars;

/// <summary>A named span of days a figure is reported for: a fiscal year, quarter, month or week, or any interval.</summary>
/// <remarks>Both ends are inclusive, as in NodaTime's <see cref="DateInterval"/>. Immutable; thread-safe.</remarks>
public sealed record FiscalPeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="label">The name shown in reports, for example "FY2026 Q3".</param>
    /// <param name="interval">The days, both ends inclusive.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is empty or whitespace.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="interval"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public FiscalPeriod(string label, DateInterval interval)
    {
        Label = Preconditions.CheckNotBlank(label);
        Interval = Preconditions.CheckDates(interval);
    }

    /// <summary>A period labelled with its ISO dates, for example "2026-01-01..2026-03-31".</summary>
    /// <param name="interval">The days.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="interval"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public static FiscalPeriod Of(DateInterval interval)
    {
        Preconditions.CheckDates(interval);
        return new FiscalPeriod(
            string.Create(CultureInfo.InvariantCulture, $"{interval.Start:uuuu-MM-dd}..{interval.End:uuuu-MM-dd}"),
            interval
        );
    }

    /// <summary>The name shown in reports.</summary>
    public string Label { get; }

    /// <summary>The days, both ends inclusive.</summary>
    public DateInterval Interval { get; }

    /// <summary>The first day.</summary>
    public LocalDate Start => Interval.Start;

    /// <summary>The last day (inclusive).</summary>
    public LocalDate End => Interval.End;

    /// <summary>Whether <paramref name="date"/> falls in the period.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when Start &lt;= date &lt;= End.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public bool Contains(LocalDate date) => Interval.Contains(Preconditions.CheckDate(date));

    /// <summary>"label (start..end)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label} ({Interval.Start:uuuu-MM-dd}..{Interval.End:uuuu-MM-dd})");
}
