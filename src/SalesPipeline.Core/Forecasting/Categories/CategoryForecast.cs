using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The rep-category forecast: per period and per node of the organization (company, each team with its subtree, each
/// person, and owners outside the organization), the amount in each category, gross and with managers' adjustments.
/// </summary>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Lines">Per period, in the periods' order: the company, then every team, then every person (in declared order), then unassigned owners if any.</param>
/// <param name="Overdue">Open deals expected to close before the as-of date, by category (company level).</param>
/// <param name="Adjustments">Every adjustment given, in force or superseded, in the order given.</param>
/// <remarks>
/// A node's gross figure is the sum of its children's gross figures (a team: its people and child teams; the company:
/// its top teams, people at company level and unassigned owners), never changed by adjustments. Its adjusted figure is
/// the sum of its children's adjusted figures, with the category amounts its manager adjusted replaced. Immutable;
/// thread-safe.
/// </remarks>
public sealed record CategoryForecast(
    Currency Currency,
    IReadOnlyList<CategoryLine> Lines,
    CategoryAmounts Overdue,
    IReadOnlyList<CategoryAdjustment> Adjustments
)
{
    /// <summary>The line of one node (the company, a team, a person or unassigned owners) in one period.</summary>
    /// <param name="period">The period.</param>
    /// <param name="id">The company name, a team id, a person id, or "(unassigned)".</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">There is no such line; the message lists the ids the period has.</exception>
    /// <example><code>forecast[q1, "emea"].Adjusted.CommitCumulative</code></example>
    public CategoryLine this[FiscalPeriod period, string id]
    {
        get
        {
            Preconditions.CheckNotNull(period);
            Preconditions.CheckNotNull(id);
            return TryGet(period, id, out var line)
                ? line
                : throw Lookup.NotFound(
                    $"category forecast for {period.Label}",
                    id,
                    Lines.Where(l => l.Period == period).Select(l => l.Id)
                );
        }
    }

    /// <summary>Finds the line of one node in one period, without throwing.</summary>
    /// <param name="period">The period.</param>
    /// <param name="id">The company name, a team id, a person id, or "(unassigned)".</param>
    /// <param name="line">The line, or null.</param>
    /// <returns>True when the forecast has that line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public bool TryGet(FiscalPeriod period, string id, [NotNullWhen(true)] out CategoryLine? line)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(id);
        return Lookup.TryFind(Lines, l => l.Period == period && l.Id == id, out line);
    }

    /// <summary>A table per period: the company and the teams, gross and adjusted Commit and Best case (cumulative).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var group in Lines.Where(l => l.Kind is CategoryNodeKind.Company or CategoryNodeKind.Team).GroupBy(l => l.Period))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{group.Key.Label}\n");
            sb.Append(
                CultureInfo.InvariantCulture,
                $"  {"Node", -20} {"Closed", 18} {"Commit (cum)", 18} {"Best case (cum)", 18} {"Open pipeline", 18} {"Adj. commit", 18}\n"
            );
            foreach (var l in group)
            {
                sb.Append(
                    CultureInfo.InvariantCulture,
                    $"  {l.Id, -20} {l.Gross.Closed, 18} {l.Gross.CommitCumulative, 18} {l.Gross.BestCaseCumulative, 18} {l.Gross.OpenPipeline, 18} {l.Adjusted.CommitCumulative, 18}\n"
                );
            }
        }
        return sb.ToString();
    }
}
