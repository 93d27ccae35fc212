using System.Globalization;
using SalesPipeline.Calendars;

namespace SalesPipeline.Collections;

/// <summary>One row of a <see cref="CashForecastReport"/>: the cash expected in a period (or the overdue, outside and undated rows), by source.</summary>
/// <param name="Label">The period's label, or "overdue", "outside periods", "undated".</param>
/// <param name="Period">The period, or null for the other rows.</param>
/// <param name="Scheduled">What the schedules' instalments still owe, by their due dates.</param>
/// <param name="WonNotScheduled">What won deals without a schedule would owe under the default terms.</param>
/// <param name="WeightedPipeline">What open deals would owe, weighted by win probability, under the default terms.</param>
/// <remarks>The three columns are never added together by the library: they differ in certainty. Immutable; thread-safe.</remarks>
public sealed record CashForecastLine(string Label, FiscalPeriod? Period, Money Scheduled, Money WonNotScheduled, Money WeightedPipeline)
{
    /// <summary>"2026-Q2 scheduled USD 3,500.00 | won USD 0.00 | pipeline USD 0.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label} scheduled {Scheduled} | won {WonNotScheduled} | pipeline {WeightedPipeline}");
}
