using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates a win rate deal by deal, optionally broken down (by owner, team, source, product, competitor or period
/// of close), and merges with other accumulators over other deals: the merge of the parts gives exactly the result of
/// the whole.
/// </summary>
/// <remarks>
/// <para>Counts are integers and value sums exact decimals in the reporting currency; rounding happens once, in
/// <see cref="Result"/>.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class WinRateAccumulator : IFrameAccumulator<WinRateAccumulator>
{
    private enum Grouping
    {
        None,
        Breakdown,
        Competitor,
        Period,
    }

    private readonly WinRateOptions options;
    private readonly DealScope scope;
    private readonly ReportingValue value;
    private readonly Grouping grouping;
    private readonly Breakdown breakdown;
    private readonly FiscalPeriod[] periods;
    private readonly PeriodIndex? index;
    private readonly Dictionary<string, WinRateCell> groups = new(StringComparer.Ordinal);
    private readonly WinRateCell[] periodCells;
    private WinRateCell total;

    /// <summary>Creates an accumulator of the overall win rate, with no breakdown.</summary>
    /// <param name="options">Options; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are inconsistent (see <see cref="WinRateOptions"/>).</exception>
    public WinRateAccumulator(WinRateOptions? options = null)
        : this(options, Grouping.None, default, null) { }

    private WinRateAccumulator(WinRateOptions? options, Grouping grouping, Breakdown breakdown, FiscalPeriod[]? periods)
    {
        this.options = options ?? WinRateOptions.Default;
        this.options.Check(nameof(options));
        scope = new DealScope(this.options);
        value = new ReportingValue(this.options);
        this.grouping = grouping;
        this.breakdown = breakdown;
        this.periods = periods ?? [];
        index = periods is null ? null : new PeriodIndex(periods, null);
        periodCells = new WinRateCell[this.periods.Length];
    }

    /// <summary>Creates an accumulator broken down by owner, team (with sub-teams), source or product (<see cref="BreakdownKeys"/>).</summary>
    /// <param name="breakdown">The breakdown.</param>
    /// <param name="options">Options; a breakdown by team needs <see cref="WinRateOptions.Organization"/>.</param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="ArgumentException">A breakdown by team without an organisation, or inconsistent options.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakdown"/> is not a defined value.</exception>
    public static WinRateAccumulator By(Breakdown breakdown, WinRateOptions? options = null)
    {
        BreakdownKeys.CheckSetup(breakdown, options?.Organization, "WinRateOptions.Organization", nameof(breakdown));
        return new WinRateAccumulator(options, Grouping.Breakdown, breakdown, null);
    }

    /// <summary>
    /// Creates an accumulator broken down by competitor: a deal counts under every competitor in
    /// <see cref="Deal.Competitors"/>, and under <see cref="BreakdownKeys.None"/> when it has none.
    /// </summary>
    /// <param name="options">Options; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    public static WinRateAccumulator ByCompetitor(WinRateOptions? options = null) => new(options, Grouping.Competitor, default, null);

    /// <summary>
    /// Creates an accumulator broken down by period: a deal counts in the period containing the date that places it
    /// (its close date, or its creation date under <see cref="WinRateDefinition.Created"/>); deals in no period count
    /// nowhere, not even in the total.
    /// </summary>
    /// <param name="periods">The periods, for example <c>calendar.Quarters(2026)</c>; they must not overlap.</param>
    /// <param name="options">Options; the window, if any, applies too.</param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap, or the options are inconsistent.</exception>
    public static WinRateAccumulator ByPeriod(IEnumerable<FiscalPeriod> periods, WinRateOptions? options = null) =>
        new(options, Grouping.Period, default, Periods.CheckNonOverlapping(periods, nameof(periods)));

    /// <summary>Adds one deal; it counts only when the options' definition and window take it.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency cannot be converted to the reporting currency.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var outcome = scope.Classify(deal, out var date);
        if (outcome == DealOutcome.Excluded)
        {
            return;
        }
        var slot = index?.IndexOf(date) ?? 0;
        if (slot < 0)
        {
            return;
        }
        var amount = value.Convert(deal.Amount);
        total = total.Add(outcome, amount);
        switch (grouping)
        {
            case Grouping.Breakdown:
                foreach (var key in BreakdownKeys.Of(deal, breakdown, options.Organization))
                {
                    AddTo(key, outcome, amount);
                }
                break;
            case Grouping.Competitor:
                var competitors = deal.Competitors;
                if (competitors.Count == 0)
                {
                    AddTo(BreakdownKeys.None, outcome, amount);
                }
                foreach (var competitor in competitors)
                {
                    AddTo(competitor, outcome, amount);
                }
                break;
            case Grouping.Period:
                periodCells[slot] = periodCells[slot].Add(outcome, amount);
                break;
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<WinRateAccumulator>.IsEmpty => IsEmpty;

    WinRateAccumulator IFrameAccumulator<WinRateAccumulator>.Fresh() =>
        new(options, grouping, breakdown, grouping == Grouping.Period ? periods : null);

    bool IFrameAccumulator<WinRateAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<WinRateAccumulator>.MergesLikeAdd(WinRateAccumulator framed) => MergesLikeAdd(framed);

    // Holds no deal (for the accumulators built on this one, too).
    internal bool IsEmpty => total.Won + total.Lost + total.Open == 0;

    // See IFrameAccumulator.MergesLikeAdd; also for the accumulators built on this one. Merge's Join throws where
    // Convert would have thrown for the first deal in another currency, so the currencies must agree.
    internal bool MergesLikeAdd(WinRateAccumulator framed)
    {
        if (!FrameAddRange.CurrenciesJoin(value.Currency, framed.value.Currency) || !CellExactly(total, framed.total))
        {
            return false;
        }
        for (var i = 0; i < periodCells.Length; i++)
        {
            if (!CellExactly(periodCells[i], framed.periodCells[i]))
            {
                return false;
            }
        }
        foreach (var (key, theirs) in framed.groups)
        {
            if (groups.TryGetValue(key, out var mine) && !CellExactly(mine, theirs))
            {
                return false;
            }
        }
        return true;
    }

    internal static bool CellExactly(WinRateCell mine, WinRateCell theirs) =>
        FrameAddRange.CountsExactly(mine.Won, theirs.Won)
        && FrameAddRange.CountsExactly(mine.Lost, theirs.Lost)
        && FrameAddRange.CountsExactly(mine.Open, theirs.Open)
        && FrameAddRange.SumsExactly(mine.WonValue, theirs.WonValue)
        && FrameAddRange.SumsExactly(mine.LostValue, theirs.LostValue)
        && FrameAddRange.SumsExactly(mine.OpenValue, theirs.OpenValue);

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator created the same way (same options, breakdown and periods).</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    /// <exception cref="MissingExchangeRateException">The two inferred different reporting currencies.</exception>
    public void Merge(WinRateAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the options", other.options == options),
            ("the grouping", other.grouping == grouping),
            ("the breakdown", other.breakdown == breakdown),
            ("the periods", other.periods.SequenceEqual(periods))
        );
        value.Join(other.value);
        total = total.Plus(other.total);
        foreach (var (key, cell) in other.groups)
        {
            groups[key] = groups.TryGetValue(key, out var mine) ? mine.Plus(cell) : cell;
        }
        for (var i = 0; i < periodCells.Length; i++)
        {
            periodCells[i] = periodCells[i].Plus(other.periodCells[i]);
        }
    }

    /// <summary>The win rates of every deal added so far.</summary>
    /// <returns>The table: the total and, for a breakdown, one line per key (per period, every period, even empty ones).</returns>
    public WinRateTable Result()
    {
        var lines =
            grouping == Grouping.Period
                ? periods.Select((p, i) => new WinRateLine(p.Label, Rate(periodCells[i]))).ToArray()
                : groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new WinRateLine(g.Key, Rate(g.Value))).ToArray();
        return new WinRateTable(Rate(total), lines);
    }

    // Shared with accumulators built on this one, so every amount they see goes through one currency rule.
    internal ReportingValue Value => value;

    internal WinRateResult Rate(WinRateCell cell) => new(options.Definition, cell, value, options.Confidence, options.IntervalMethod);

    private void AddTo(string key, DealOutcome outcome, decimal amount) =>
        groups[key] = groups.TryGetValue(key, out var cell) ? cell.Add(outcome, amount) : default(WinRateCell).Add(outcome, amount);
}
