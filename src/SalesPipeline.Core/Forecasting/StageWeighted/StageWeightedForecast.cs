using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// A stage-weighted forecast: per period, the revenue won in it plus the open deals expected to close in it weighted by
/// their effective win probability; overdue open deals and open deals outside the periods on lines of their own, so
/// that no open deal is ever dropped; per owner, and per team when an organization was given.
/// </summary>
/// <remarks>
/// Each line's weighted amount is the exact sum of amount x probability over its deals, rounded once to the minor unit
/// (half away from zero). So the rounded lines of the owners of a period may differ from the period's line by a few
/// minor units; the period line is the one to trust. The per-owner lines are built the first time
/// <see cref="ByOwner"/> is read (a thousand owners over twelve months are twelve thousand lines). Two forecasts are
/// equal when all their lines are. Immutable; thread-safe.
/// </remarks>
public sealed record StageWeightedForecast
{
    private readonly Lazy<IReadOnlyList<WeightedLine>> byOwner;

    internal StageWeightedForecast(
        Currency currency,
        IReadOnlyList<WeightedLine> periods,
        WeightedLine overdue,
        WeightedLine outsidePeriods,
        WeightedLine total,
        Func<IReadOnlyList<WeightedLine>> byOwner,
        IReadOnlyList<WeightedLine> byTeam
    )
    {
        Currency = currency;
        Periods = periods;
        Overdue = overdue;
        OutsidePeriods = outsidePeriods;
        Total = total;
        this.byOwner = new Lazy<IReadOnlyList<WeightedLine>>(byOwner, LazyThreadSafetyMode.ExecutionAndPublication);
        ByTeam = byTeam;
    }

    /// <summary>The reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>One line per period, in the order the periods were given.</summary>
    public IReadOnlyList<WeightedLine> Periods { get; }

    /// <summary>Open deals whose expected close date is before the forecast's as-of date.</summary>
    public WeightedLine Overdue { get; }

    /// <summary>Open deals expected to close on or after the as-of date but in none of the periods.</summary>
    public WeightedLine OutsidePeriods { get; }

    /// <summary>The sum of the period lines (not of the overdue and outside lines).</summary>
    public WeightedLine Total { get; }

    /// <summary>
    /// One line per period and owner, periods in order, owners in ordinal order (built on first read). Deals waiting in
    /// a pool are on the owner line "(unassigned)" (<see cref="Metrics.BreakdownKeys.Unassigned"/>).
    /// </summary>
    public IReadOnlyList<WeightedLine> ByOwner => byOwner.Value;

    /// <summary>
    /// One line per period and team (each team with its whole subtree): the deals its members own; empty without an
    /// organization. A forecast is credited to reps, so a deal waiting in a team's pool is in no team line until a rep
    /// owns it (it is on the "(unassigned)" owner line and in the totals); the breakdowns by team of the metrics
    /// (funnel, win rate, velocity), which say where the work sits, count it for the pool's team.
    /// </summary>
    public IReadOnlyList<WeightedLine> ByTeam { get; }

    /// <summary>The line of one period.</summary>
    /// <param name="period">One of the periods the forecast was made for.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The forecast has no such period; the message lists the periods it has.</exception>
    /// <example><code>forecast[calendar.Quarter(2026, 1)].Expected</code></example>
    public WeightedLine this[FiscalPeriod period]
    {
        get
        {
            Preconditions.CheckNotNull(period);
            return Lookup.Find(Periods, l => l.Period == period, "forecast", period.Label, l => l.Period!.Label);
        }
    }

    /// <summary>Finds the line of one period, without throwing.</summary>
    /// <param name="period">The period.</param>
    /// <param name="line">The line, or null.</param>
    /// <returns>True when the forecast has the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public bool TryGet(FiscalPeriod period, [NotNullWhen(true)] out WeightedLine? line)
    {
        Preconditions.CheckNotNull(period);
        return Lookup.TryFind(Periods, l => l.Period == period, out line);
    }

    /// <summary>The line of one owner in one period (see <see cref="ByOwner"/>).</summary>
    /// <param name="period">The period.</param>
    /// <param name="owner">The owner id.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">No deal of that owner counts in that period; the message lists the owners that do.</exception>
    public WeightedLine Owner(FiscalPeriod period, string owner)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(owner);
        return TryGetOwner(period, owner, out var line)
            ? line
            : throw Lookup.NotFound(
                $"forecast for {period.Label} by owner",
                owner,
                ByOwner.Where(l => l.Period == period).Select(l => l.Owner!)
            );
    }

    /// <summary>Finds the line of one owner in one period, without throwing.</summary>
    /// <param name="period">The period.</param>
    /// <param name="owner">The owner id.</param>
    /// <param name="line">The line, or null.</param>
    /// <returns>True when the owner has a line in that period.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public bool TryGetOwner(FiscalPeriod period, string owner, [NotNullWhen(true)] out WeightedLine? line)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(owner);
        return Lookup.TryFind(ByOwner, l => l.Period == period && l.Owner == owner, out line);
    }

    /// <summary>The line of one team (with its subtree) in one period (see <see cref="ByTeam"/>).</summary>
    /// <param name="period">The period.</param>
    /// <param name="teamId">The team id.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The forecast has no such team line (or no organization); the message lists the teams it has.</exception>
    public WeightedLine Team(FiscalPeriod period, string teamId)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(teamId);
        return TryGetTeam(period, teamId, out var line)
            ? line
            : throw Lookup.NotFound(
                $"forecast for {period.Label} by team",
                teamId,
                ByTeam.Where(l => l.Period == period).Select(l => l.TeamId!)
            );
    }

    /// <summary>Finds the line of one team in one period, without throwing.</summary>
    /// <param name="period">The period.</param>
    /// <param name="teamId">The team id.</param>
    /// <param name="line">The line, or null.</param>
    /// <returns>True when the forecast has that team line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public bool TryGetTeam(FiscalPeriod period, string teamId, [NotNullWhen(true)] out WeightedLine? line)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(teamId);
        return Lookup.TryFind(ByTeam, l => l.Period == period && l.TeamId == teamId, out line);
    }

    /// <summary>Whether every line of both forecasts is equal.</summary>
    /// <param name="other">The other forecast.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(StageWeightedForecast? other) =>
        other is not null
        && Currency == other.Currency
        && Periods.SequenceEqual(other.Periods)
        && Overdue == other.Overdue
        && OutsidePeriods == other.OutsidePeriods
        && Total == other.Total
        && ByTeam.SequenceEqual(other.ByTeam)
        && ByOwner.SequenceEqual(other.ByOwner);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Currency, Total, Periods.Count);

    /// <summary>A table: one row per period, then the overdue, outside and total rows.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"Period", -28} {"Open", 5} {"Open amount", 20} {"Weighted", 20} {"Won", 4} {"Won amount", 20} {"Expected", 20}\n"
        );
        foreach (var line in Periods)
        {
            Row(sb, line);
        }
        Row(sb, Overdue);
        Row(sb, OutsidePeriods);
        Row(sb, Total);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, WeightedLine l) =>
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{l.Label, -28} {l.OpenDeals, 5} {l.OpenAmount, 20} {l.Weighted, 20} {l.WonDeals, 4} {l.Won, 20} {l.Expected, 20}\n"
        );
}
