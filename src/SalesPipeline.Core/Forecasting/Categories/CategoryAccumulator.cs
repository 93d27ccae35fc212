using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// Accumulates the rep-category forecast deal by deal, per period, owner and category, and merges with other
/// accumulators: the merge of the parts gives exactly the forecast of the whole. <see cref="Result"/> rolls the owners'
/// figures up through a <see cref="SalesOrg"/> and applies managers' adjustments.
/// </summary>
/// <remarks>Sums are exact. Mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</remarks>
public sealed partial class CategoryAccumulator : IFrameAccumulator<CategoryAccumulator>
{
    private const int OverdueSlot = PeriodIndex.Overdue;
    private readonly PipelineDefinition pipeline;
    private readonly FiscalPeriod[] periods;
    private readonly Currency currency;
    private readonly ForecastOptions options;
    private readonly PeriodIndex index;
    private readonly Dictionary<(int Slot, string Owner), decimal[]> sums = [];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="periods">The periods; they must not overlap.</param>
    /// <param name="reportingCurrency">The currency of every figure.</param>
    /// <param name="options">Rates, zone and as-of date; defaults when null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap, or the rates report in another currency.</exception>
    public CategoryAccumulator(
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

    /// <summary>Adds one deal: a won deal as Closed in the period it was won; an open deal in its effective category in
    /// the period of its expected close date (or as overdue when that is before the as-of date); lost and stopped deals nowhere.</summary>
    /// <param name="deal">A deal of the pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency has no rate.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var category = pipeline.ForecastCategoryOf(deal).Value;
        // Open deals outside every period have no line in the category forecast.
        var slot = index.SlotOf(deal, options.Zone);
        if (slot is PeriodIndex.None or PeriodIndex.Outside)
        {
            return;
        }
        var amount = options.ToReporting(deal.Amount, currency).Amount;
        if (!sums.TryGetValue((slot, deal.OwnerKey), out var cell))
        {
            sums[(slot, deal.OwnerKey)] = cell = new decimal[5];
        }
        cell[(int)category] += amount;
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<CategoryAccumulator>.IsEmpty => sums.Count == 0;

    CategoryAccumulator IFrameAccumulator<CategoryAccumulator>.Fresh() => new(pipeline, periods, currency, options);

    bool IFrameAccumulator<CategoryAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<CategoryAccumulator>.MergesLikeAdd(CategoryAccumulator framed)
    {
        foreach (var (key, theirs) in framed.sums)
        {
            if (sums.TryGetValue(key, out var mine) && !mine.Zip(theirs).All(p => FrameAddRange.SumsExactly(p.First, p.Second)))
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
    public void Merge(CategoryAccumulator other)
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
            if (!sums.TryGetValue(key, out var cell))
            {
                sums[key] = cell = new decimal[5];
            }
            for (var c = 0; c < 5; c++)
            {
                cell[c] += value[c];
            }
        }
    }

    /// <summary>Rolls the figures up through the organization and applies the adjustments.</summary>
    /// <param name="organization">The organization: people, nested teams and their leads.</param>
    /// <param name="adjustments">Managers' adjustments; none when null.</param>
    /// <param name="allowSelfAdjustment">Whether a person may adjust their own figure (by default only their manager may).</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> or an adjustment is null.</exception>
    /// <exception cref="ArgumentException">
    /// An adjustment names an unknown person or team, a period not in the forecast, an amount in another currency, or is
    /// made by someone who is not the subject's manager (the lead of the nearest team above the subject that has a lead
    /// other than the subject; an admin where there is none).
    /// </exception>
    public CategoryForecast Result(
        SalesOrg organization,
        IEnumerable<CategoryAdjustment>? adjustments = null,
        bool allowSelfAdjustment = false
    )
    {
        Preconditions.CheckNotNull(organization);
        var list = (adjustments ?? []).ToArray();
        var owners = sums.GroupBy(kv => kv.Key.Slot)
            .ToDictionary(g => g.Key, g => g.ToDictionary(kv => kv.Key.Owner, kv => Amounts(kv.Value), StringComparer.Ordinal));
        var overdue = owners.TryGetValue(OverdueSlot, out var late)
            ? late.Values.Aggregate(CategoryAmounts.Zero(currency), (a, b) => a.Plus(b))
            : CategoryAmounts.Zero(currency);
        return CategoryRollup.Build(organization, periods, currency, owners, overdue, list, allowSelfAdjustment);
    }

    private CategoryAmounts Amounts(decimal[] cell) =>
        new(
            Money.Of(cell[(int)ForecastCategory.Closed], currency),
            Money.Of(cell[(int)ForecastCategory.Commit], currency),
            Money.Of(cell[(int)ForecastCategory.BestCase], currency),
            Money.Of(cell[(int)ForecastCategory.Pipeline], currency),
            Money.Of(cell[(int)ForecastCategory.Omitted], currency)
        );
}
