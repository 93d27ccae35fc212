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
public sealed class ForecastSnapshotBuilder
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
    public void AddRange(IEnumerable<Deal> deals)
    {
        Preconditions.AddEach(deals, Add, "Deal");
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
