using System;
using System.Collections.Generic;
using System.Globalization;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// Days sales outstanding (DSO) over a period: how many days of the period's billing are still owed at its end.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="Receivables">The receivables at the period's end: the schedules' <see cref="CollectionStatus.Outstanding"/> on its last day.</param>
/// <param name="Billed">Billed in the period: the amounts of the instalments whose due date (as of the period's end) falls in it.</param>
/// <param name="Days">The days in the period (both ends counted).</param>
/// <param name="Value">Receivables / Billed x Days, unrounded (decimal division); null when nothing was billed in the period.</param>
/// <remarks>
/// <para>The standard definition: DSO = receivables at period end / credit sales of the period x days in the period. A
/// contract's instalment is "billed" when it falls due (the library has no separate invoices), so credit sales are the
/// instalments falling due in the period. Receivables may include instalments billed before the period and still owed, so DSO
/// can exceed the period's length.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <example><code>
/// // Q1 2026 (90 days): receivables on 2026-03-31 USD 6,900.00, billed in Q1 USD 11,000.00: DSO = 6,900 / 11,000 x 90 = 56.45 days.
/// DaysSalesOutstanding.Of(schedules, calendar.Quarter(2026, 1));
/// </code></example>
public sealed record DaysSalesOutstanding(FiscalPeriod Period, Money Receivables, Money Billed, int Days, decimal? Value)
{
    /// <summary>Computes DSO over <paramref name="period"/>.</summary>
    /// <param name="schedules">The schedules; at least one, all in one currency.</param>
    /// <param name="period">The period.</param>
    /// <returns>The DSO with its parts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/>, one of them, or <paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schedules"/> is empty or mixes currencies.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A sum the report shows would be beyond <see cref="Currency.MaxAmount"/> (10^18 minor units).</exception>
    public static DaysSalesOutstanding Of(IEnumerable<CollectionSchedule> schedules, FiscalPeriod period)
    {
        var (list, currency) = Collections.Receivables.Check(schedules, nameof(schedules));
        Preconditions.CheckNotNull(period);
        long receivables = 0,
            billed = 0;
        foreach (var schedule in list)
        {
            var status = schedule.StatusAsOf(period.End);
            receivables = Collections.Receivables.Add(
                receivables,
                status.Outstanding.ToMinorUnits(),
                currency,
                nameof(schedules),
                "The receivables"
            );
            foreach (var line in status.Instalments)
            {
                if (line.DueOn is { } due && period.Contains(due))
                {
                    billed = Collections.Receivables.Add(
                        billed,
                        line.Amount.ToMinorUnits(),
                        currency,
                        nameof(schedules),
                        "The billed amount"
                    );
                }
            }
        }
        var days = NodaTime.Period.DaysBetween(period.Start, period.End) + 1;
        return new DaysSalesOutstanding(
            period,
            Money.FromMinorUnits(receivables, currency),
            Money.FromMinorUnits(billed, currency),
            days,
            billed == 0 ? null : (decimal)receivables * days / billed
        );
    }

    /// <summary>"DSO 2026-Q1: 56.5 days (receivables USD 6,900.00 / billed USD 11,000.00 x 90 days)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"DSO {Period.Label}: {(Value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " days" : "n/a (nothing billed)")} (receivables {Receivables} / billed {Billed} x {Days} days)"
        );
}
