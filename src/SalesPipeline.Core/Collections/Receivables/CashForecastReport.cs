using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;

namespace SalesPipeline.Collections;

/// <summary>The result of <see cref="CashForecast.Of"/>: expected collections per period, with nothing dropped.</summary>
/// <remarks>
/// <para><see cref="Lines"/> are, in order: "overdue" (due before the date), one per period (in the order given), "outside
/// periods" (due on or after the date but in no period), "undated" (waiting for a milestone). Each column summed over all
/// lines is that source's whole remaining amount: for <see cref="CashForecastLine.Scheduled"/>, the sum over the schedules of
/// <see cref="CollectionStatus.Remaining"/>.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class CashForecastReport
{
    internal CashForecastReport(LocalDate asOf, Currency currency, IReadOnlyList<CashForecastLine> lines)
    {
        AsOf = asOf;
        Currency = currency;
        Lines = lines;
        Overdue = lines[0];
        Periods = new List<CashForecastLine>(lines).GetRange(1, lines.Count - 3).AsReadOnly();
        OutsidePeriods = lines[^2];
        Undated = lines[^1];
    }

    /// <summary>The date the forecast is made on.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Every row: overdue, the periods, outside periods, undated.</summary>
    public IReadOnlyList<CashForecastLine> Lines { get; }

    /// <summary>Instalments due before the date and still owing.</summary>
    public CashForecastLine Overdue { get; }

    /// <summary>One row per period, in the order given.</summary>
    public IReadOnlyList<CashForecastLine> Periods { get; }

    /// <summary>Instalments due on or after the date that fall in no period (beyond the last, or in a gap).</summary>
    public CashForecastLine OutsidePeriods { get; }

    /// <summary>Instalments waiting for a milestone: no due date yet.</summary>
    public CashForecastLine Undated { get; }

    /// <summary>A table: one row per line.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Cash forecast as of {AsOf:uuuu-MM-dd} ({Currency.Code})\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"", -22} {"scheduled", 14} {"won", 14} {"pipeline", 14}\n");
        foreach (var line in Lines)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{line.Label, -22} {line.Scheduled.Amount, 14:N2} {line.WonNotScheduled.Amount, 14:N2} {line.WeightedPipeline.Amount, 14:N2}\n"
            );
        }
        return sb.ToString();
    }
}
