using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// Accumulates a stage-weighted forecast deal by deal, and merges with other accumulators over other deals, so the
/// work can be split across threads, services or machines: the merge of the parts gives exactly the forecast of the
/// whole.
/// </summary>
/// <remarks>
/// <para>Sums are exact <see cref="decimal"/>s; rounding happens once per line, in <see cref="Result"/>.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class StageWeightedAccumulator : IFrameAccumulator<StageWeightedAccumulator>
{
    private readonly PipelineDefinition pipeline;
    private readonly FiscalPeriod[] periods;
    private readonly PeriodIndex index;
    private readonly Currency currency;
    private readonly ForecastOptions options;
    private readonly Dictionary<(int Slot, string Owner), Sums> sums = [];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="periods">The periods to forecast; they must not overlap.</param>
    /// <param name="reportingCurrency">The currency of every figure; deals in another currency need <see cref="ForecastOptions.Rates"/>.</param>
    /// <param name="options">Options; <see cref="ForecastOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap, or the rates report in another currency than <paramref name="reportingCurrency"/>.</exception>
    public StageWeightedAccumulator(
        PipelineDefinition pipeline,
        IEnumerable<FiscalPeriod> periods,
        Currency reportingCurrency,
        ForecastOptions? options = null
    )
    {
        this.pipeline = Preconditions.CheckNotNull(pipeline);
        this.periods = Periods.CheckNonOverlapping(periods, nameof(periods));
        currency = Preconditions.CheckNotNull(reportingCurrency);
        this.options = options ?? ForecastOptions.Default;
        this.options.Check(nameof(options), currency, "the forecast is", nameof(reportingCurrency));
        index = new PeriodIndex(this.periods, this.options.AsOf);
    }

    /// <summary>The reporting currency.</summary>
    public Currency Currency => currency;

    /// <summary>Adds one deal: open deals by expected close date, won deals by the date they were won; lost and stopped deals count nowhere.</summary>
    /// <param name="deal">A deal of the pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency has no rate to the reporting currency.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var probability = pipeline.WinProbabilityOf(deal).Value;
        if (deal.Status is DealStatus.Lost or DealStatus.Stopped)
        {
            return;
        }
        var slot = index.SlotOf(deal, options.Zone);
        if (slot == PeriodIndex.None)
        {
            return;
        }
        var amount = options.ToReporting(deal.Amount, currency).Amount;
        if (deal.Status == DealStatus.Won)
        {
            Update(slot, deal.OwnerKey, s => s with { WonDeals = s.WonDeals + 1, Won = s.Won + amount });
            return;
        }
        Update(
            slot,
            deal.OwnerKey,
            s => s with { OpenDeals = s.OpenDeals + 1, OpenAmount = s.OpenAmount + amount, Weighted = s.Weighted + amount * probability }
        );
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate to the reporting currency.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    internal bool IsEmpty => sums.Count == 0;

    bool IFrameAccumulator<StageWeightedAccumulator>.IsEmpty => IsEmpty;

    StageWeightedAccumulator IFrameAccumulator<StageWeightedAccumulator>.Fresh() => new(pipeline, periods, currency, options);

    bool IFrameAccumulator<StageWeightedAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<StageWeightedAccumulator>.MergesLikeAdd(StageWeightedAccumulator framed) => MergesLikeAdd(framed);

    // See IFrameAccumulator.MergesLikeAdd; also for the layers of an AttainmentAccumulator.
    internal bool MergesLikeAdd(StageWeightedAccumulator framed)
    {
        foreach (var (key, theirs) in framed.sums)
        {
            if (sums.TryGetValue(key, out var mine) && !mine.SumsExactly(theirs))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same pipeline, periods, currency and options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    public void Merge(StageWeightedAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the pipeline", ReferenceEquals(other.pipeline, pipeline)),
            ("the currency", other.currency == currency),
            ("the options", other.options == options),
            ("the periods", other.periods.SequenceEqual(periods))
        );
        foreach (var (key, value) in other.sums)
        {
            sums[key] = sums.TryGetValue(key, out var mine) ? mine.Plus(value) : value;
        }
    }

    /// <summary>The forecast of every deal added so far.</summary>
    /// <returns>The forecast; the accumulator can go on accumulating.</returns>
    public StageWeightedForecast Result() =>
        Build(
            periods,
            currency,
            options,
            sums.OrderBy(kv => kv.Key.Owner, StringComparer.Ordinal).Select(kv => (kv.Key.Slot, kv.Key.Owner, kv.Value))
        );

    // Shared with the snapshot path, so both produce lines by the same rules. Entries come in ordinal owner order.
    internal static StageWeightedForecast Build(
        FiscalPeriod[] periods,
        Currency currency,
        ForecastOptions options,
        IEnumerable<(int Slot, string Owner, Sums Sums)> entries,
        Func<int, Sums>? slotTotal = null
    )
    {
        // The per-owner cells are only grouped when something needs them (team lines, or ByOwner when read), so a
        // caller that knows the slot totals (the snapshot) pays nothing per owner for the period lines.
        var groups = new Lazy<Dictionary<int, List<(string Owner, Sums Sums)>>>(() =>
        {
            var bySlot = new Dictionary<int, List<(string Owner, Sums Sums)>>();
            foreach (var (slot, owner, value) in entries)
            {
                if (!bySlot.TryGetValue(slot, out var group))
                {
                    bySlot[slot] = group = [];
                }
                group.Add((owner, value));
            }
            return bySlot;
        });
        List<(string Owner, Sums Sums)> Group(int slot) => groups.Value.TryGetValue(slot, out var g) ? g : [];
        static Sums Sum(IEnumerable<(string Owner, Sums Sums)> group) => group.Aggregate(Sums.Zero, (acc, x) => acc.Plus(x.Sums));
        Sums Total(int slot) => slotTotal is null ? Sum(Group(slot)) : slotTotal(slot);
        WeightedLine Line(string label, FiscalPeriod? period, string? owner, string? team, Sums s) =>
            new(
                label,
                period,
                owner,
                team,
                s.OpenDeals,
                Money.Of(s.OpenAmount, currency),
                Money.Of(s.Weighted, currency).Round(),
                s.WonDeals,
                Money.Of(s.Won, currency)
            );

        var teams = options.Organization is { } org
            ? org.Teams.Select(t => (Team: t, Members: org.MembersOf(t.Id).Select(m => m.Id).ToHashSet(StringComparer.Ordinal))).ToArray()
            : [];
        var periodLines = new List<WeightedLine>(periods.Length);
        var teamLines = new List<WeightedLine>();
        var total = Sums.Zero;
        for (var p = 0; p < periods.Length; p++)
        {
            var period = periods[p];
            var all = Total(p);
            total = total.Plus(all);
            periodLines.Add(Line(period.Label, period, null, null, all));
            foreach (var (team, members) in teams)
            {
                teamLines.Add(
                    Line(period.Label + " " + team.Name, period, null, team.Id, Sum(Group(p).Where(x => members.Contains(x.Owner))))
                );
            }
        }
        return new StageWeightedForecast(
            currency,
            periodLines.AsReadOnly(),
            Line("Overdue", null, null, null, Total(OverdueSlot)),
            Line("Outside the periods", null, null, null, Total(OutsideSlot)),
            Line("Total", null, null, null, total),
            () =>
            {
                var ownerLines = new List<WeightedLine>();
                for (var p = 0; p < periods.Length; p++)
                {
                    foreach (var (owner, value) in Group(p))
                    {
                        ownerLines.Add(Line(periods[p].Label + " " + owner, periods[p], owner, null, value));
                    }
                }
                return ownerLines.AsReadOnly();
            },
            teamLines.AsReadOnly()
        );
    }

    internal const int OverdueSlot = PeriodIndex.Overdue;
    internal const int OutsideSlot = PeriodIndex.Outside;

    private void Update(int slot, string owner, Func<Sums, Sums> change) =>
        sums[(slot, owner)] = change(sums.TryGetValue((slot, owner), out var s) ? s : Sums.Zero);

    internal readonly record struct Sums(int OpenDeals, decimal OpenAmount, decimal Weighted, int WonDeals, decimal Won)
    {
        public static Sums Zero => default;

        public bool SumsExactly(Sums o) =>
            FrameAddRange.CountsExactly(OpenDeals, o.OpenDeals)
            && FrameAddRange.CountsExactly(WonDeals, o.WonDeals)
            && FrameAddRange.SumsExactly(OpenAmount, o.OpenAmount)
            && FrameAddRange.SumsExactly(Weighted, o.Weighted)
            && FrameAddRange.SumsExactly(Won, o.Won);

        public Sums Plus(Sums o) =>
            new(OpenDeals + o.OpenDeals, OpenAmount + o.OpenAmount, Weighted + o.Weighted, WonDeals + o.WonDeals, Won + o.Won);
    }
}
