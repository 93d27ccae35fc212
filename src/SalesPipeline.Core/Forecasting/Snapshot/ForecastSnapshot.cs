using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// A columnar copy of the open and won deals of a pipeline, prepared once and forecast many times fast: amounts as
/// whole minor units of the reporting currency, effective win probabilities in parts per million, close dates as day
/// numbers, owners and categories as small integers. Lost deals are left out.
/// </summary>
/// <remarks>
/// <para>Exactness: each deal's amount, converted to the reporting currency, is rounded to the minor unit (half away
/// from zero) and each probability to a millionth; sums are then exact integer arithmetic. For amounts that are whole
/// minor units and probabilities with at most six decimals (the usual case) a forecast from the snapshot equals the
/// forecast from the deals exactly.</para>
/// <para>Immutable once created; thread-safe. A snapshot is as of its creation: create a new one after deals change.</para>
/// </remarks>
public sealed partial class ForecastSnapshot
{
    internal const int OpenKind = 0;
    internal const int WonKind = 1;

    internal readonly long[] AmountMinor;
    internal readonly int[] ProbabilityPpm;
    internal readonly int[] Day;
    internal readonly byte[] Kind;
    internal readonly int[] Owner;
    internal readonly byte[] Category;

    private ForecastSnapshot(
        PipelineDefinition pipeline,
        Currency currency,
        ForecastOptions options,
        string[] owners,
        long[] amountMinor,
        int[] probabilityPpm,
        int[] day,
        byte[] kind,
        int[] owner,
        byte[] category
    )
    {
        Pipeline = pipeline;
        Currency = currency;
        Options = options;
        Owners = Array.AsReadOnly(owners);
        AmountMinor = amountMinor;
        ProbabilityPpm = probabilityPpm;
        Day = day;
        Kind = kind;
        Owner = owner;
        Category = category;
    }

    /// <summary>The pipeline the deals belong to.</summary>
    public PipelineDefinition Pipeline { get; }

    /// <summary>The reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>The options the snapshot was made with (rates, zone, organization; the as-of date is given per forecast).</summary>
    public ForecastOptions Options { get; }

    /// <summary>The owners, in ordinal order; deals refer to them by index.</summary>
    public IReadOnlyList<string> Owners { get; }

    /// <summary>How many deals the snapshot holds (open and won).</summary>
    public int Count => AmountMinor.Length;

    /// <summary>Prepares a snapshot of the open and won deals.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="pipeline">Their pipeline.</param>
    /// <param name="options">Rates, zone and organization; defaults when null.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException">An argument or a deal is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline, or there are no deals and no rates to tell the currency.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate to the reporting currency.</exception>
    /// <exception cref="InvalidOperationException">The reporting currency has no minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The deals' amounts, in the reporting currency and ignoring sign, add up to more than <see cref="Currency.MaxAmount"/>
    /// (10^18 minor units), which no forecast figure could hold.
    /// </exception>
    public static ForecastSnapshot Create(IEnumerable<Deal> deals, PipelineDefinition pipeline, ForecastOptions? options = null)
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(pipeline);
        options ??= ForecastOptions.Default;
        options.Check(nameof(options));
        if (
            DealFrames.For(deals) is { } frame
            && TryProject(frame, pipeline, Forecast.ReportingCurrency(frame, options.Rates), options) is { } projected
        )
        {
            return projected;
        }
        var list = deals.ToArray();
        var builder = new ForecastSnapshotBuilder(pipeline, Forecast.ReportingCurrency(list, options.Rates, nameof(deals)), options);
        builder.Reserve(list.Length);
        FrameAddRange.AddEach(builder, list);
        return builder.Build();
    }

    // The columns ForecastSnapshotBuilder prepared.
    internal static ForecastSnapshot Of(
        PipelineDefinition pipeline,
        Currency currency,
        ForecastOptions options,
        string[] owners,
        long[] amountMinor,
        int[] probabilityPpm,
        int[] day,
        byte[] kind,
        int[] owner,
        byte[] category
    ) => new(pipeline, currency, options, owners, amountMinor, probabilityPpm, day, kind, owner, category);
}
