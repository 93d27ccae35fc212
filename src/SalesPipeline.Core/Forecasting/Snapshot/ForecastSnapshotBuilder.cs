using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// Prepares a <see cref="ForecastSnapshot"/> deal by deal, keeping only the snapshot's columns (22 bytes a deal),
/// so the deals themselves need not be held: stream a million deals from a store or a file into it and let each go.
/// </summary>
/// <remarks>
/// <para><see cref="Build"/> gives exactly the snapshot <see cref="ForecastSnapshot.Create"/> makes of the same deals in
/// the same order (with the reporting currency <see cref="ForecastSnapshot.Create"/> would choose).</para>
/// <para>A builder is mutable and not thread-safe: use one per thread. Every deal is checked before anything of it is
/// kept, so a refused deal leaves the builder as it was.</para>
/// </remarks>
/// <example><code>
/// var builder = new ForecastSnapshotBuilder(pipeline, Currency.USD);
/// await foreach (var stored in store.LoadDealsAsync(DealQuery.All)) builder.Add(stored.Deal);
/// var snapshot = builder.Build(); // then Forecast.StageWeighted(snapshot, months), many times, fast
/// </code></example>
public sealed class ForecastSnapshotBuilder : IFrameAccumulator<ForecastSnapshotBuilder>
{
    private readonly PipelineDefinition pipeline;
    private readonly Currency currency;
    private readonly ForecastOptions options;
    private readonly Dictionary<string, int> ownerIndex = new(StringComparer.Ordinal);
    private readonly List<string> owners = [];
    private long[] amount = new long[16];
    private int[] ppm = new int[16];
    private int[] day = new int[16];
    private byte[] kind = new byte[16];
    private int[] owner = new int[16];
    private byte[] category = new byte[16];

    // The sum of the deals' amounts, ignoring sign, in minor units. Every figure a forecast shows (a cell, a period, the
    // total) is part of it, so keeping it within Currency.MaxAmount keeps every figure a Money and every long and Int128
    // sum of the snapshot (amount x parts per million is at most 10^24) far from overflowing.
    private long magnitude;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="reportingCurrency">The currency of the snapshot; it needs a minor unit. Deals in another currency need <see cref="ForecastOptions.Rates"/>.</param>
    /// <param name="options">Rates, zone and organization; <see cref="ForecastOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="reportingCurrency"/> is null.</exception>
    /// <exception cref="ArgumentException">The rates report in another currency than <paramref name="reportingCurrency"/>, or <paramref name="options"/> has a null zone.</exception>
    public ForecastSnapshotBuilder(PipelineDefinition pipeline, Currency reportingCurrency, ForecastOptions? options = null)
    {
        this.pipeline = Preconditions.CheckNotNull(pipeline);
        currency = Preconditions.CheckNotNull(reportingCurrency);
        this.options = options ?? ForecastOptions.Default;
        this.options.Check(nameof(options), currency, "the snapshot is", nameof(reportingCurrency));
    }

    /// <summary>How many deals the snapshot will hold so far (open and won; lost deals are not kept).</summary>
    public int Count { get; private set; }

    /// <summary>Adds one deal: an open or won deal becomes a row of the snapshot; a lost or stopped deal is left out.</summary>
    /// <param name="deal">A deal of the pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency has no rate to the reporting currency.</exception>
    /// <exception cref="InvalidOperationException">The reporting currency has no minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The deals' amounts (in the reporting currency, ignoring sign) would add up to more than
    /// <see cref="Currency.MaxAmount"/>, 10^18 minor units, which no forecast figure could hold; the deal is not added.
    /// </exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        // Every value first, so that a deal refused by any of them leaves nothing behind.
        var probability = pipeline.WinProbabilityOf(deal).Value;
        if (deal.Status is DealStatus.Lost or DealStatus.Stopped)
        {
            return;
        }
        var minor = options.ToReporting(deal.Amount, currency).Round().ToMinorUnits();
        // Both terms are at most 10^18, so the sum cannot overflow before it is checked.
        var newMagnitude = magnitude + Math.Abs(minor);
        if (newMagnitude > Money.MaxMinorUnits)
        {
            throw Money.OutOfRange(
                nameof(deal),
                deal.Id,
                $"Deal {deal.Id} ({deal.Amount}) would bring the snapshot's amounts to {Money.Text(newMagnitude * currency.MinorUnitValue, currency)}, which",
                currency
            );
        }
        var dayNumber = PeriodIndex.DayNumber(PeriodIndex.DecidingDate(deal, options.Zone));
        var dealCategory = (byte)pipeline.ForecastCategoryOf(deal).Value;
        if (!ownerIndex.TryGetValue(deal.OwnerKey, out var ownerSlot))
        {
            ownerSlot = owners.Count;
            ownerIndex.Add(deal.OwnerKey, ownerSlot);
            owners.Add(deal.OwnerKey);
        }
        if (Count == amount.Length)
        {
            Grow();
        }
        var i = Count++;
        magnitude = newMagnitude;
        amount[i] = minor;
        ppm[i] = (int)decimal.Round(probability * 1_000_000m, MidpointRounding.AwayFromZero);
        day[i] = dayNumber;
        kind[i] = deal.Status == DealStatus.Won ? (byte)ForecastSnapshot.WonKind : (byte)ForecastSnapshot.OpenKind;
        owner[i] = ownerSlot;
        category[i] = dealCategory;
    }

    /// <summary>Adds every deal, in order.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate to the reporting currency.</exception>
    /// <exception cref="InvalidOperationException">The reporting currency has no minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The deals' amounts would add up to more than <see cref="Currency.MaxAmount"/>.</exception>
    /// <remarks>The deals before a refused one stay added.</remarks>
    /// <remarks>A list of deals is added from the columnar frame when that gives exactly the rows adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    // The projection only appends rows (the owners are renumbered in Build), so it runs on a builder that holds rows too.
    bool IFrameAccumulator<ForecastSnapshotBuilder>.IsEmpty => true;

    ForecastSnapshotBuilder IFrameAccumulator<ForecastSnapshotBuilder>.Fresh() => new(pipeline, currency, options);

    // The rows ForecastSnapshot.Create projects from the frame, appended; false, with nothing changed, when the
    // projection declines or the amounts would pass the limit Add refuses a deal at (Add then refuses it).
    bool IFrameAccumulator<ForecastSnapshotBuilder>.TryAdd(DealFrame frame)
    {
        if (ForecastSnapshot.TryProject(frame, pipeline, currency, options) is not { } rows)
        {
            return false;
        }
        var added = 0L;
        foreach (var minor in rows.AmountMinor)
        {
            added += Math.Abs(minor);
        }
        // Both at most 10^18, so the sum cannot overflow before it is checked.
        if (magnitude + added > Money.MaxMinorUnits)
        {
            return false;
        }
        var names = rows.Owners;
        Append(rows.Count, i => names[rows.Owner[i]], rows.AmountMinor, rows.ProbabilityPpm, rows.Day, rows.Kind, rows.Category);
        magnitude += added;
        return true;
    }

    bool IFrameAccumulator<ForecastSnapshotBuilder>.MergesLikeAdd(ForecastSnapshotBuilder framed) =>
        magnitude + framed.magnitude <= Money.MaxMinorUnits;

    void IFrameAccumulator<ForecastSnapshotBuilder>.Merge(ForecastSnapshotBuilder other)
    {
        Append(other.Count, i => other.owners[other.owner[i]], other.amount, other.ppm, other.day, other.kind, other.category);
        magnitude += other.magnitude;
    }

    // Rows after the ones held, in order, as Add appends them; an owner gets a number when first seen.
    private void Append(int rows, Func<int, string> ownerOf, long[] amounts, int[] ppms, int[] days, byte[] kinds, byte[] categories)
    {
        Reserve(Count + rows);
        for (var k = 0; k < rows; k++)
        {
            var key = ownerOf(k);
            if (!ownerIndex.TryGetValue(key, out var ownerSlot))
            {
                ownerSlot = owners.Count;
                ownerIndex.Add(key, ownerSlot);
                owners.Add(key);
            }
            var i = Count++;
            amount[i] = amounts[k];
            ppm[i] = ppms[k];
            day[i] = days[k];
            kind[i] = kinds[k];
            owner[i] = ownerSlot;
            category[i] = categories[k];
        }
    }

    /// <summary>The snapshot of every deal added so far; the builder can go on adding.</summary>
    /// <returns>The snapshot, owners in ordinal order.</returns>
    public ForecastSnapshot Build()
    {
        // Owners were numbered as they came; the snapshot numbers them in ordinal order.
        var sorted = owners.Order(StringComparer.Ordinal).ToArray();
        var renumber = new int[owners.Count];
        for (var k = 0; k < sorted.Length; k++)
        {
            renumber[ownerIndex[sorted[k]]] = k;
        }
        var ownerColumn = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            ownerColumn[i] = renumber[owner[i]];
        }
        return ForecastSnapshot.Of(
            pipeline,
            currency,
            options,
            sorted,
            amount[..Count],
            ppm[..Count],
            day[..Count],
            kind[..Count],
            ownerColumn,
            category[..Count]
        );
    }

    // Room for this many rows in all, so a caller that knows the count (ForecastSnapshot.Create) allocates once.
    internal void Reserve(int rows)
    {
        if (rows > amount.Length)
        {
            Resize(rows);
        }
    }

    private void Grow() => Resize(amount.Length * 2);

    private void Resize(int size)
    {
        Array.Resize(ref amount, size);
        Array.Resize(ref ppm, size);
        Array.Resize(ref day, size);
        Array.Resize(ref kind, size);
        Array.Resize(ref owner, size);
        Array.Resize(ref category, size);
    }
}
