using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>The cash expected per future period from collection schedules, and optionally from won and open deals.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class CashForecast
{
    /// <summary>
    /// Places what every instalment still owes on <paramref name="asOf"/> in the period of its due date, and, with
    /// <paramref name="options"/>, what unscheduled won deals and the weighted open pipeline would owe under the default terms.
    /// </summary>
    /// <param name="schedules">The schedules; at least one, all in one currency.</param>
    /// <param name="asOf">The forecast date; each schedule is read by <see cref="CollectionSchedule.StatusAsOf"/> on it.</param>
    /// <param name="periods">The periods (for example <see cref="FiscalCalendar.Months"/>); at least one, none overlapping.</param>
    /// <param name="options">Won deals not yet scheduled and open deals, with the default terms; none when null.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/>, <paramref name="periods"/>, one of their items, or a deal is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A sum the report shows would be beyond <see cref="Currency.MaxAmount"/> (10^18 minor units); or <paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="schedules"/> or <paramref name="periods"/> is empty; the schedules mix currencies; periods overlap; a
    /// deal is in another currency, is not won (in <see cref="CashForecastOptions.WonDeals"/>) or not open (in
    /// <see cref="CashForecastOptions.OpenDeals"/>); deals are given without <see cref="CashForecastOptions.DefaultTerms"/>,
    /// or open deals without <see cref="CashForecastOptions.Pipeline"/>.
    /// </exception>
    /// <remarks>
    /// <para>Each instalment's remaining amount (amount less paid, as of <paramref name="asOf"/>) goes, whole, to one row: due
    /// before <paramref name="asOf"/> to "overdue"; due on or after it to the period containing the due date, or to
    /// "outside periods"; waiting for a milestone to "undated". Nothing is dropped or split, so the scheduled column adds up
    /// to the schedules' <see cref="CollectionStatus.Remaining"/> exactly. Credit (overpayment) is not expected cash.</para>
    /// <para>A won deal is projected as <c>CollectionSchedule.Create(amount, wonOn, DefaultTerms)</c> with wonOn its close
    /// instant's date in <see cref="CashForecastOptions.Zone"/>; an open deal as <c>Create(round(amount x p), expectedClose,
    /// DefaultTerms)</c>, p its win probability and round to the minor unit half away from zero (a deal weighted to zero adds
    /// nothing). Their instalments are placed like the scheduled ones, in their own columns.</para>
    /// </remarks>
    public static CashForecastReport Of(
        IEnumerable<CollectionSchedule> schedules,
        LocalDate asOf,
        IEnumerable<FiscalPeriod> periods,
        CashForecastOptions? options = null
    )
    {
        Preconditions.CheckDate(asOf);
        var (list, currency) = Receivables.Check(schedules, nameof(schedules));
        var periodList = Periods.CheckNonOverlapping(periods, nameof(periods));
        var rows = periodList.Length + 3;
        var placing = new CashForecastRows(asOf, periodList);
        var columns = new long[3][];
        for (var c = 0; c < 3; c++)
        {
            columns[c] = new long[rows];
        }
        foreach (var schedule in list)
        {
            foreach (var line in schedule.StatusAsOf(asOf).Instalments)
            {
                var row = placing.RowOf(line.DueOn);
                columns[0][row] = Receivables.Add(
                    columns[0][row],
                    line.Amount.ToMinorUnits() - line.Paid.ToMinorUnits(),
                    currency,
                    nameof(schedules),
                    "A row of the cash forecast"
                );
            }
        }
        if (options is not null)
        {
            Project(options, nameof(options), currency, placing, columns);
        }
        var lines = new CashForecastLine[rows];
        for (var r = 0; r < rows; r++)
        {
            var label =
                r == 0 ? "overdue"
                : r == rows - 2 ? "outside periods"
                : r == rows - 1 ? "undated"
                : periodList[r - 1].Label;
            lines[r] = new CashForecastLine(
                label,
                r >= 1 && r <= periodList.Length ? periodList[r - 1] : null,
                Money.FromMinorUnits(columns[0][r], currency),
                Money.FromMinorUnits(columns[1][r], currency),
                Money.FromMinorUnits(columns[2][r], currency)
            );
        }
        return new CashForecastReport(asOf, currency, Array.AsReadOnly(lines));
    }

    private static void Project(
        CashForecastOptions options,
        string paramName,
        Currency currency,
        CashForecastRows placing,
        long[][] columns
    )
    {
        // A list held as columns is read off them (DealFrames.For); anything else is copied, as the deal path reads it.
        var wonFrame = options.WonDeals is { } wonDeals ? DealFrames.For(wonDeals) : null;
        var won = wonFrame is null ? Preconditions.CheckNoNullElement(options.WonDeals, "Won deal", paramName) : null;
        var openFrame = options.OpenDeals is { } openDeals ? DealFrames.For(openDeals) : null;
        var open = openFrame is null ? Preconditions.CheckNoNullElement(options.OpenDeals, "Open deal", paramName) : null;
        var openCount = openFrame?.Count ?? open!.Length;
        if ((wonFrame?.Count ?? won!.Length) + openCount == 0)
        {
            return;
        }
        var terms = options.DefaultTerms;
        Preconditions.CheckArgument(
            terms is not null,
            paramName,
            "Won or open deals were given without DefaultTerms to project them with."
        );
        Preconditions.CheckArgument(
            openCount == 0 || options.Pipeline is not null,
            paramName,
            "Open deals were given without the Pipeline that gives their win probabilities."
        );
        // The frame path declines (null) wherever the deal path would throw, which then throws for the same deal.
        var projection = new DealProjection(options, currency, terms, placing, paramName);
        if (wonFrame is null || projection.TryFrame(wonFrame, won: true) is not { } wonColumn)
        {
            projection.Won(won ?? wonFrame!.DealList, columns[1]);
        }
        else
        {
            wonColumn.CopyTo(columns[1]);
        }
        if (openFrame is null || projection.TryFrame(openFrame, won: false) is not { } openColumn)
        {
            projection.Open(open ?? openFrame!.DealList, columns[2]);
        }
        else
        {
            openColumn.CopyTo(columns[2]);
        }
    }
}
