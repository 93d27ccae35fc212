using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates a loss-reason analysis deal by deal and merges with other accumulators: the merge of the parts gives
/// exactly the analysis of the whole.
/// </summary>
/// <remarks>
/// <para>A deal counts when it is lost now and its close date (in <see cref="WinRateOptions.Zone"/>) is in the window;
/// the analysis always goes by the close date, whatever <see cref="WinRateOptions.Definition"/> says. It counts under
/// its <see cref="Deal.LossReason"/> and the stage it was lost from, <see cref="Deal.LastOpenStageId"/>.</para>
/// <para>Mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed class LossAccumulator
{
    private readonly WinRateOptions options;
    private readonly DealScope scope;
    private readonly ReportingValue value;
    private readonly Dictionary<(string Reason, string Stage), (int Count, decimal Value)> cells = [];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The window, zone and currency; <see cref="WinRateOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    public LossAccumulator(WinRateOptions? options = null)
    {
        this.options = options ?? WinRateOptions.Default;
        this.options.Check(nameof(options));
        scope = new DealScope(this.options with { Definition = WinRateDefinition.Decided });
        value = new ReportingValue(this.options);
    }

    /// <summary>Adds one deal; only lost deals closed in the window count.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency cannot be converted to the reporting currency.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        if (scope.Classify(deal, out _) != DealOutcome.Lost)
        {
            return;
        }
        var amount = value.Convert(deal.Amount);
        var key = (deal.LossReason!.Code, deal.LastOpenStageId);
        var cell = cells.GetValueOrDefault(key);
        cells[key] = (cell.Count + 1, cell.Value + amount);
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public void AddRange(IEnumerable<Deal> deals)
    {
        Preconditions.AddEach(deals, Add, "Deal");
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator has other options.</exception>
    /// <exception cref="MissingExchangeRateException">The two inferred different reporting currencies.</exception>
    public void Merge(LossAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(nameof(other), ("the options", other.options == options));
        value.Join(other.value);
        foreach (var (key, cell) in other.cells)
        {
            var mine = cells.GetValueOrDefault(key);
            cells[key] = (mine.Count + cell.Count, mine.Value + cell.Value);
        }
    }

    /// <summary>The analysis of every deal added so far.</summary>
    /// <returns>The report.</returns>
    public LossReport Result()
    {
        var totalCount = cells.Values.Sum(c => c.Count);
        var totalValue = cells.Values.Sum(c => c.Value);
        LossFigures Figures(int count, decimal sum) =>
            new(
                count,
                value.ToMoney(sum),
                totalCount == 0 ? null : (decimal)count / totalCount,
                totalValue == 0m ? null : sum / totalValue
            );
        IReadOnlyList<LossStageLine> Stages(IEnumerable<KeyValuePair<(string Reason, string Stage), (int Count, decimal Value)>> entries) =>
            Ordered(entries.GroupBy(e => e.Key.Stage, StringComparer.Ordinal), g => g.Key)
                .Select(g => new LossStageLine(g.Key, Figures(g.Sum(e => e.Value.Count), g.Sum(e => e.Value.Value))))
                .ToArray();
        var reasons = Ordered(cells.GroupBy(c => c.Key.Reason, StringComparer.Ordinal), g => g.Key)
            .Select(g => new LossReasonLine(
                new LossReason(g.Key),
                Figures(g.Sum(e => e.Value.Count), g.Sum(e => e.Value.Value)),
                Stages(g)
            ))
            .ToArray();
        return new LossReport(Figures(totalCount, totalValue), reasons, Stages(cells));
    }

    // Most losses first, then the larger lost value, then the key in ordinal order: deterministic for any input order.
    private static IEnumerable<IGrouping<string, KeyValuePair<(string Reason, string Stage), (int Count, decimal Value)>>> Ordered(
        IEnumerable<IGrouping<string, KeyValuePair<(string Reason, string Stage), (int Count, decimal Value)>>> groups,
        Func<IGrouping<string, KeyValuePair<(string Reason, string Stage), (int Count, decimal Value)>>, string> key
    ) =>
        groups
            .OrderByDescending(g => g.Sum(e => e.Value.Count))
            .ThenByDescending(g => g.Sum(e => e.Value.Value))
            .ThenBy(key, StringComparer.Ordinal);
}
