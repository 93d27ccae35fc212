using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates a <see cref="SalesVelocity"/> deal by deal (for all deals and, optionally, per group of a
/// <see cref="Breakdown"/>), and merges with other accumulators over other deals: the merge of the parts gives exactly
/// the velocity of the whole, because every input is a sum of counts, exact money and exact durations.
/// </summary>
/// <remarks>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</remarks>
public sealed partial class SalesVelocityAccumulator : IFrameAccumulator<SalesVelocityAccumulator>
{
    private readonly Instant start;
    private readonly Instant lastInstant;
    private readonly Dictionary<string, Sums> groups = new(StringComparer.Ordinal);
    private Sums total;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="window">The window: deals open at its end, deals won and lost in it.</param>
    /// <param name="reportingCurrency">The currency of the amounts; won deals in another currency need <see cref="VelocityOptions.Rates"/>.</param>
    /// <param name="options">Options; <see cref="VelocityOptions.Default"/> when null.</param>
    /// <param name="breakdown">The groups to accumulate besides the total, or null for the total only.</param>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> or <paramref name="reportingCurrency"/> is null.</exception>
    /// <exception cref="ArgumentException">The rates report in another currency, <see cref="VelocityOptions.Zone"/> is null, or the
    /// breakdown is by team without <see cref="VelocityOptions.Organization"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakdown"/> is not a defined value.</exception>
    public SalesVelocityAccumulator(
        FiscalPeriod window,
        Currency reportingCurrency,
        VelocityOptions? options = null,
        Breakdown? breakdown = null
    )
    {
        Window = Preconditions.CheckNotNull(window);
        Currency = Preconditions.CheckNotNull(reportingCurrency);
        Options = options ?? VelocityOptions.Default;
        Options.Check(nameof(options));
        if (Options.Rates is { } rates && rates.ReportingCurrency != reportingCurrency)
        {
            throw new ArgumentException(
                $"The exchange rates report in {rates.ReportingCurrency.Code}, but the velocity is in {reportingCurrency.Code}.",
                nameof(reportingCurrency)
            );
        }
        if (breakdown is { } b)
        {
            BreakdownKeys.CheckSetup(b, Options.Organization, "VelocityOptions.Organization", nameof(breakdown));
        }
        Breakdown = breakdown;
        start = window.Start.AtStartOfDayInZone(Options.Zone).ToInstant();
        lastInstant = window.End.PlusDays(1).AtStartOfDayInZone(Options.Zone).ToInstant() - Duration.Epsilon;
    }

    /// <summary>The window.</summary>
    public FiscalPeriod Window { get; }

    /// <summary>The reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>The options.</summary>
    public VelocityOptions Options { get; }

    /// <summary>The breakdown accumulated besides the total, or null.</summary>
    public Breakdown? Breakdown { get; }

    /// <summary>Adds one deal, as it stood at the end of the window's last day.</summary>
    /// <param name="deal">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">The deal was won in the window and its currency has no rate.</exception>
    /// <remarks>A deal created after the window, or closed before it, counts in no input. Groups are the
    /// <see cref="BreakdownKeys"/> of the deal as given.</remarks>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        if (!deal.TryAsOf(lastInstant, out var then))
        {
            if (deal.CreatedAt <= lastInstant)
            {
                // An imported deal created by the window's end but first observed later: open then (its first known
                // close is later), like the sales cycle reads it.
                AddSums(deal, new Sums(1, 0, 0, 0m, 0));
            }
            return;
        }
        Sums one;
        switch (then.Status)
        {
            case DealStatus.Open:
                one = new Sums(1, 0, 0, 0m, 0);
                break;
            case DealStatus.Won when then.ClosedAt >= start:
                var amount = ExchangeRates.ToReporting(Options.Rates, then.Amount, Currency).Amount;
                one = new Sums(0, 1, 0, amount, (then.ClosedAt.Value - then.CreatedAt).ToInt64Nanoseconds());
                break;
            case DealStatus.Lost when then.ClosedAt >= start:
                one = new Sums(0, 0, 1, 0m, 0);
                break;
            default:
                return;
        }
        AddSums(deal, one);
    }

    private void AddSums(Deal deal, Sums one)
    {
        var keys = Breakdown is { } breakdown ? BreakdownKeys.Of(deal, breakdown, Options.Organization) : [];
        total = total.Plus(one);
        foreach (var key in keys)
        {
            groups[key] = groups.GetValueOrDefault(key).Plus(one);
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="MissingExchangeRateException">A deal won in the window is in a currency without a rate.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<SalesVelocityAccumulator>.IsEmpty => total == default && groups.Count == 0;

    SalesVelocityAccumulator IFrameAccumulator<SalesVelocityAccumulator>.Fresh() => new(Window, Currency, Options, Breakdown);

    bool IFrameAccumulator<SalesVelocityAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<SalesVelocityAccumulator>.MergesLikeAdd(SalesVelocityAccumulator framed)
    {
        if (!total.SumsExactly(framed.total))
        {
            return false;
        }
        foreach (var (key, theirs) in framed.groups)
        {
            if (groups.TryGetValue(key, out var mine) && !mine.SumsExactly(theirs))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same window, currency, options and breakdown.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    public void Merge(SalesVelocityAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the window", other.Window == Window),
            ("the currency", other.Currency == Currency),
            ("the options", other.Options == Options),
            ("the breakdown", other.Breakdown == Breakdown)
        );
        total = total.Plus(other.total);
        foreach (var (key, sums) in other.groups.ToArray())
        {
            groups[key] = groups.GetValueOrDefault(key).Plus(sums);
        }
    }

    /// <summary>The velocity of every deal added so far.</summary>
    /// <returns>The velocity (its <see cref="SalesVelocity.Group"/> is null); the accumulator can go on accumulating.</returns>
    public SalesVelocity Result() => SalesVelocity.From(Window, null, null, Currency, total);

    /// <summary>The velocity of each group of the breakdown, groups in ordinal order of their keys.</summary>
    /// <returns>One velocity per group that has a deal in some input; empty when the accumulator has no breakdown.</returns>
    public IReadOnlyList<SalesVelocity> ResultByGroup() =>
        groups
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => SalesVelocity.From(Window, Breakdown, kv.Key, Currency, kv.Value))
            .ToArray()
            .AsReadOnly();

    internal readonly record struct Sums(long Open, long Won, long Lost, decimal WonAmount, Int128 WonCycleNanoseconds)
    {
        public bool SumsExactly(Sums o) =>
            FrameAddRange.CountsExactly(Open, o.Open)
            && FrameAddRange.CountsExactly(Won, o.Won)
            && FrameAddRange.CountsExactly(Lost, o.Lost)
            && FrameAddRange.SumsExactly(WonAmount, o.WonAmount);

        public Sums Plus(Sums o) =>
            new(Open + o.Open, Won + o.Won, Lost + o.Lost, WonAmount + o.WonAmount, WonCycleNanoseconds + o.WonCycleNanoseconds);
    }
}
