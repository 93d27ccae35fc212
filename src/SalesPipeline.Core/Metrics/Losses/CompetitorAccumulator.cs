using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates a competitor analysis deal by deal and merges with other accumulators: the merge of the parts gives
/// exactly the analysis of the whole.
/// </summary>
/// <remarks>
/// <para>A deal faces every competitor in <see cref="Deal.Competitors"/> (noted with
/// <see cref="DealCommand.NoteCompetitor"/>, or the one it was lost to). Decided deals count by the options'
/// definition and window, as in <see cref="WinRate.ByCompetitor"/>; open deals are described on
/// <see cref="CompetitorLine.OpenDeals"/>.</para>
/// <para>Mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class CompetitorAccumulator : IFrameAccumulator<CompetitorAccumulator>
{
    private readonly WinRateOptions options;
    private readonly WinRateAccumulator rates;
    private readonly DealScope scope;
    private readonly Dictionary<string, (int Count, decimal Value)> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, decimal Value)> lostTo = new(StringComparer.Ordinal);

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Options; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    public CompetitorAccumulator(WinRateOptions? options = null)
    {
        this.options = options ?? WinRateOptions.Default;
        rates = WinRateAccumulator.ByCompetitor(this.options);
        scope = new DealScope(this.options);
    }

    /// <summary>Adds one deal.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency cannot be converted to the reporting currency.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var decided = options.Definition == WinRateDefinition.Decided;
        var isOpen = decided && deal.IsOpen && deal.Competitors.Count > 0;
        var isLostTo = deal.Competitor is not null && scope.Classify(deal, out _) == DealOutcome.Lost;
        // Convert before changing anything, so a missing rate leaves the accumulator as it was.
        var amount = isOpen || isLostTo ? rates.Value.Convert(deal.Amount) : 0m;
        rates.Add(deal);
        if (isOpen)
        {
            foreach (var competitor in deal.Competitors)
            {
                Bump(open, competitor, amount);
            }
        }
        if (isLostTo)
        {
            Bump(lostTo, deal.Competitor!, amount);
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<CompetitorAccumulator>.IsEmpty => open.Count == 0 && lostTo.Count == 0 && rates.IsEmpty;

    CompetitorAccumulator IFrameAccumulator<CompetitorAccumulator>.Fresh() => new(options);

    bool IFrameAccumulator<CompetitorAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<CompetitorAccumulator>.MergesLikeAdd(CompetitorAccumulator framed) =>
        rates.MergesLikeAdd(framed.rates) && CellsExactly(open, framed.open) && CellsExactly(lostTo, framed.lostTo);

    private static bool CellsExactly(
        Dictionary<string, (int Count, decimal Value)> mine,
        Dictionary<string, (int Count, decimal Value)> theirs
    ) =>
        theirs.All(t =>
            !mine.TryGetValue(t.Key, out var m)
            || (FrameAddRange.CountsExactly(m.Count, t.Value.Count) && FrameAddRange.SumsExactly(m.Value, t.Value.Value))
        );

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator has other options.</exception>
    /// <exception cref="MissingExchangeRateException">The two inferred different reporting currencies.</exception>
    public void Merge(CompetitorAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(nameof(other), ("the options", other.options == options));
        rates.Merge(other.rates);
        foreach (var (key, cell) in other.open)
        {
            Bump(open, key, cell.Value, cell.Count);
        }
        foreach (var (key, cell) in other.lostTo)
        {
            Bump(lostTo, key, cell.Value, cell.Count);
        }
    }

    /// <summary>The analysis of every deal added so far.</summary>
    /// <returns>The report.</returns>
    public CompetitorReport Result()
    {
        var table = rates.Result();
        var money = rates.Value;
        var names = table.Lines.Select(l => l.Key).Where(k => k != BreakdownKeys.None).Union(open.Keys, StringComparer.Ordinal);
        var lines = names
            .Select(name =>
            {
                var rate = table[name] ?? rates.Rate(default);
                var (openCount, openValue) = open.GetValueOrDefault(name);
                var (lostCount, lostValue) = lostTo.GetValueOrDefault(name);
                return new CompetitorLine(
                    name,
                    rate,
                    options.Definition == WinRateDefinition.Decided ? openCount : rate.Open,
                    options.Definition == WinRateDefinition.Decided ? money.ToMoney(openValue) : rate.OpenValue,
                    lostCount,
                    money.ToMoney(lostValue)
                );
            })
            .OrderByDescending(l => l.Deals)
            .ThenByDescending(l => l.LostTo)
            .ThenBy(l => l.Competitor, StringComparer.Ordinal)
            .ToArray();
        return new CompetitorReport(lines, table[BreakdownKeys.None] ?? rates.Rate(default), table.Total);
    }

    private static void Bump(Dictionary<string, (int Count, decimal Value)> cells, string key, decimal amount, int count = 1)
    {
        var cell = cells.GetValueOrDefault(key);
        cells[key] = (cell.Count + count, cell.Value + amount);
    }
}
