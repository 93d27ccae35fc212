using System.Collections.Generic;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>Options of <see cref="TimeInStage.Of"/>.</summary>
/// <remarks>
/// Equal by content: the percentiles element by element (a copy is kept), the business calendar by its zone, weekend
/// and holidays. Immutable; thread-safe.
/// </remarks>
public sealed record TimeInStageOptions
{
    /// <summary>The defaults: open stints included, calendar days, percentiles 25, 75 and 90.</summary>
    public static TimeInStageOptions Default { get; } = new();

    /// <summary>
    /// Whether the stint a deal is in at the as-of instant counts, measured up to that instant (true by default, as a
    /// CRM's "time in stage" column shows it). When false only finished stints count: a deal whose only stint in a stage
    /// is still open has no sample there, and one that came back counts its finished stays.
    /// </summary>
    public bool IncludeOpenStints { get; init; } = true;

    /// <summary>A business calendar to count business days with; null (the default) counts calendar days of 24 hours.</summary>
    public BusinessCalendar? BusinessDays { get; init; }

    /// <summary>The percentiles to report, each in [0, 1]; 0.25, 0.75 and 0.9 by default (the median is always reported).</summary>
    public IReadOnlyList<double> Percentiles
    {
        get;
        init => field = ValueList<double>.Copy(value)!;
    } = ValueList<double>.Copy([0.25, 0.75, 0.9])!;
}
