using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates a loss-and-stop analysis deal by deal and merges with other accumulators: the merge of the parts gives
/// exactly the analysis of the whole.
/// </summary>
/// <remarks>
/// <para>A lost deal counts when it is lost now and its close date (in <see cref="WinRateOptions.Zone"/>) is in the
/// window; the analysis always goes by the close date, whatever <see cref="WinRateOptions.Definition"/> says. It counts
/// under its <see cref="Deal.LossReason"/> and the stage it was lost from, <see cref="Deal.LastOpenStageId"/>.</para>
/// <para>A stopped deal counts when it is stopped now and the date it was stopped (<see cref="Deal.StoppedAt"/>) is in
/// the window, under its <see cref="Deal.StopReason"/> and the stage it stopped in, in the stop part of the report.
/// <see cref="WinRateOptions.CountStoppedAsLost"/> does not move it into the loss part: it has no loss reason, and the
/// report shows both parts side by side. A deal stopped and later lost is a lost deal.</para>
/// <para>Mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class LossAccumulator : IFrameAccumulator<LossAccumulator>
{
    private readonly WinRateOptions options;
    private readonly DealScope scope;
    private readonly ReportingValue value;
    private readonly Dictionary<(string Reason, string Stage), (int Count, decimal Value)> cells = [];
    private readonly Dictionary<(string Reason, string Stage), (int Count, decimal Value)> stops = [];

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

    /// <summary>Adds one deal; only lost deals closed in the window and stopped deals stopped in it count.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency cannot be converted to the reporting currency.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        if (deal.Status == DealStatus.Stopped)
        {
            if (options.InWindow(deal.StoppedAt!.Value.InZone(options.Zone).Date))
            {
                Count(stops, (deal.StopReason!.Code, deal.StageId), value.Convert(deal.Amount));
            }
            return;
        }
        if (deal.Status != DealStatus.Lost || scope.Classify(deal, out _) != DealOutcome.Lost)
        {
            return;
        }
        Count(cells, (deal.LossReason!.Code, deal.LastOpenStageId), value.Convert(deal.Amount));
    }

    private static void MergeInto(
        Dictionary<(string Reason, string Stage), (int Count, decimal Value)> into,
        Dictionary<(string Reason, string Stage), (int Count, decimal Value)> from
    )
    {
        foreach (var (key, cell) in from)
        {
            var mine = into.GetValueOrDefault(key);
            into[key] = (mine.Count + cell.Count, mine.Value + cell.Value);
        }
    }

    private static void Count(
        Dictionary<(string Reason, string Stage), (int Count, decimal Value)> into,
        (string, string) key,
        decimal amount
    )
    {
        var cell = into.GetValueOrDefault(key);
        into[key] = (cell.Count + 1, cell.Value + amount);
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<LossAccumulator>.IsEmpty => cells.Count == 0 && stops.Count == 0;

    LossAccumulator IFrameAccumulator<LossAccumulator>.Fresh() => new(options);

    bool IFrameAccumulator<LossAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<LossAccumulator>.MergesLikeAdd(LossAccumulator framed) =>
        FrameAddRange.CurrenciesJoin(value.Currency, framed.value.Currency)
        && CellsExactly(cells, framed.cells)
        && CellsExactly(stops, framed.stops);

    private static bool CellsExactly(
        Dictionary<(string Reason, string Stage), (int Count, decimal Value)> mine,
        Dictionary<(string Reason, string Stage), (int Count, decimal Value)> theirs
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
    public void Merge(LossAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(nameof(other), ("the options", other.options == options));
        value.Join(other.value);
        MergeInto(cells, other.cells);
        MergeInto(stops, other.stops);
    }

    /// <summary>The analysis of every deal added so far.</summary>
    /// <returns>The report.</returns>
    public LossReport Result()
    {
        var (lost, reasons, stages) = Part(cells, (code, figures, lines) => new LossReasonLine(new LossReason(code), figures, lines));
        var (stopped, stopReasons, stopStages) = Part(
            stops,
            (code, figures, lines) => new StopReasonLine(new StopReason(code), figures, lines)
        );
        return new LossReport(lost, reasons, stages, stopped, stopReasons, stopStages);
    }

    // One part of the report (the losses or the stops): the total, by reason with their stages, and by stage; shares are
    // of the part's own total. The two parts differ only in the line type their reasons make.
    private (LossFigures Total, TLine[] Reasons, IReadOnlyList<LossStageLine> Stages) Part<TLine>(
        Dictionary<(string Reason, string Stage), (int Count, decimal Value)> part,
        Func<string, LossFigures, IReadOnlyList<LossStageLine>, TLine> line
    )
    {
        var totalCount = part.Values.Sum(c => c.Count);
        var totalValue = part.Values.Sum(c => c.Value);
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
        var reasons = Ordered(part.GroupBy(c => c.Key.Reason, StringComparer.Ordinal), g => g.Key)
            .Select(g => line(g.Key, Figures(g.Sum(e => e.Value.Count), g.Sum(e => e.Value.Value)), Stages(g)))
            .ToArray();
        return (Figures(totalCount, totalValue), reasons, Stages(part));
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
