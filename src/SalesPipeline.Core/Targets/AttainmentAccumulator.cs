using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Targets;

/// <summary>
/// Accumulates an attainment report deal by deal, and merges with other accumulators over other deals, so the work can
/// be split across threads, services or machines: the merge of the parts gives exactly the report of the whole.
/// </summary>
/// <remarks>
/// <para>Underneath it is one <see cref="StageWeightedAccumulator"/> per layer of non-overlapping quota periods (a year,
/// its quarters and its months are three layers), so deals are placed and converted by exactly the forecast's rules.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class AttainmentAccumulator : IFrameAccumulator<AttainmentAccumulator>
{
    private readonly PipelineDefinition pipeline;
    private readonly AttainmentOptions options;
    private readonly Attainment.Layout layout;
    private readonly StageWeightedAccumulator[] layers;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="quotas">The quotas to measure: all in one currency, no subject twice for the same period.</param>
    /// <param name="options">Options; <see cref="AttainmentOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/>, <paramref name="quotas"/> or a quota is null.</exception>
    /// <exception cref="ArgumentException">
    /// The quotas are empty, in several currencies, or repeat a subject and period; a team quota without an organization
    /// or for a team the organization lacks; the rates report in another currency than the quotas'; the zone is null.
    /// </exception>
    public AttainmentAccumulator(PipelineDefinition pipeline, IEnumerable<Quota> quotas, AttainmentOptions? options = null)
    {
        this.pipeline = Preconditions.CheckNotNull(pipeline);
        this.options = options ?? AttainmentOptions.Default;
        var forecastOptions = this.options.ForecastOptions;
        layout = Attainment.Layout.Of(quotas, forecastOptions.Organization, forecastOptions.AsOf, nameof(quotas));
        forecastOptions.Check(nameof(options), layout.Currency, "the quotas are", nameof(options));
        // Every layer is read as of the same date, whatever its own first period.
        var read = forecastOptions with
        {
            AsOf = layout.AsOf,
        };
        layers = layout.Layers.Select(periods => new StageWeightedAccumulator(pipeline, periods, layout.Currency, read)).ToArray();
    }

    /// <summary>The currency of every figure (the quotas' currency).</summary>
    public Currency Currency => layout.Currency;

    /// <summary>Adds one deal: won deals count in the period they were won in, open deals in the period they are expected to close in, lost and stopped deals nowhere.</summary>
    /// <param name="deal">A deal of the pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency has no rate to the quotas' currency.</exception>
    public void Add(Deal deal)
    {
        // The layers read the deal by the same rules, so if one throws it is the first that reads it: nothing has changed.
        foreach (var layer in layers)
        {
            layer.Add(deal);
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate to the quotas' currency.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<AttainmentAccumulator>.IsEmpty => layers.All(l => l.IsEmpty);

    AttainmentAccumulator IFrameAccumulator<AttainmentAccumulator>.Fresh() => new(pipeline, layout.Quotas, options);

    bool IFrameAccumulator<AttainmentAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<AttainmentAccumulator>.MergesLikeAdd(AttainmentAccumulator framed) =>
        layers.Zip(framed.layers).All(p => p.First.MergesLikeAdd(p.Second));

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same pipeline, quotas and options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    public void Merge(AttainmentAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the pipeline", ReferenceEquals(other.pipeline, pipeline)),
            ("the options", other.options == options),
            ("the quotas", other.layout.Quotas.SequenceEqual(layout.Quotas))
        );
        for (var i = 0; i < layers.Length; i++)
        {
            layers[i].Merge(other.layers[i]);
        }
    }

    /// <summary>The report of every deal added so far.</summary>
    /// <returns>The report; the accumulator can go on accumulating.</returns>
    public AttainmentReport Result() => layout.Report(layers.Select(l => l.Result()).ToArray(), options.WinRate);
}
