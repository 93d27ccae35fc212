using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates a funnel deal by deal and lead by lead, and merges with other accumulators over other deals and leads, so
/// the work can be split across threads, services or machines: the merge of the parts gives exactly the report of the
/// whole (counts are integers, amounts exact decimals, and a lead and its deal may be added to different parts).
/// </summary>
/// <remarks>
/// <para>Memory: a fixed table per breakdown key, plus one entry per converted lead and one per deal converted from a
/// lead that reached the qualified stage (to join them in <see cref="Result"/>). Add each deal and each lead once.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class FunnelAccumulator : IFrameAccumulator<FunnelAccumulator>
{
    private const string AllKey = "(all)";
    private readonly StageLookup lookup;
    private readonly FunnelOptions options;
    private readonly Breakdown[] breakdowns;
    private readonly Breakdown[] leadBreakdowns;
    private readonly int qualified;
    private readonly FunnelCounts all;
    private readonly Dictionary<(Breakdown, string), FunnelCounts> groups = [];
    private readonly Dictionary<(Breakdown, string), (int Leads, int Converted)> leadGroups = [];
    private readonly List<(LeadId Lead, (Breakdown, string)[] Keys)> converted = [];
    private readonly HashSet<LeadId> qualifiedLeads = [];
    private (int Leads, int Converted) leadTotal;
    private Stint[] buffer = new Stint[16];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="reportingCurrency">The currency of every amount; deals in another currency need <see cref="FunnelOptions.Rates"/>.</param>
    /// <param name="options">Options; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="reportingCurrency"/> is null, or an option's list is null.</exception>
    /// <exception cref="ArgumentException">
    /// A breakdown is by team without an organisation; the qualified stage is not an open stage of the pipeline; or the
    /// rates report in another currency.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A breakdown is not a defined value, or the confidence is not strictly between 0 and 1.</exception>
    public FunnelAccumulator(PipelineDefinition pipeline, Currency reportingCurrency, FunnelOptions? options = null)
    {
        Preconditions.CheckNotNull(pipeline);
        Currency = Preconditions.CheckNotNull(reportingCurrency);
        this.options = options ?? FunnelOptions.Default;
        CheckBreakdowns(this.options.Breakdowns, this.options, nameof(options));
        CheckBreakdowns(this.options.LeadBreakdowns, this.options, nameof(options));
        ConfidenceLevel.Check(this.options.Confidence, nameof(options));
        BinomialInterval.CheckMethod(this.options.IntervalMethod, nameof(options));
        breakdowns = this.options.Breakdowns.Distinct().ToArray();
        leadBreakdowns = this.options.LeadBreakdowns.Distinct().ToArray();
        if (this.options.Rates is { } rates && rates.ReportingCurrency != Currency)
        {
            throw new ArgumentException(
                $"The exchange rates report in {rates.ReportingCurrency.Code}, but the funnel is in {Currency.Code}.",
                nameof(reportingCurrency)
            );
        }
        lookup = new StageLookup(pipeline);
        var qualifiedId = this.options.QualifiedStageId ?? pipeline.OpenStages[Math.Min(1, pipeline.OpenStages.Count - 1)].Id;
        qualified = lookup.IndexOf(qualifiedId);
        Preconditions.CheckArgument(
            qualified >= 0,
            nameof(options),
            $"The qualified stage \"{qualifiedId}\" is not an open stage of pipeline \"{pipeline.Name}\"; its open stages are {string.Join(", ", pipeline.OpenStages.Select(s => s.Id))}."
        );
        all = new FunnelCounts(lookup.Count);
    }

    /// <summary>The reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>Adds one deal: for every open stage it reached, its category (see <see cref="FunnelCategory"/>) and its current amount.</summary>
    /// <param name="deal">A deal of the pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline or enters a stage the pipeline lacks.</exception>
    /// <exception cref="MissingExchangeRateException">The deal's currency has no rate to the reporting currency.</exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var count = StageStints.Extract(deal, lookup, Instant.MaxValue, ref buffer);
        var amount = ToReporting(deal.Amount);
        Span<byte> categories = stackalloc byte[lookup.Count];
        Categorize(buffer.AsSpan(0, count), categories);
        all.Add(categories, amount);
        foreach (var breakdown in breakdowns)
        {
            foreach (var key in BreakdownKeys.Of(deal, breakdown, options.Organization))
            {
                if (!groups.TryGetValue((breakdown, key), out var counts))
                {
                    groups[(breakdown, key)] = counts = new FunnelCounts(lookup.Count);
                }
                counts.Add(categories, amount);
            }
        }
        if (deal.LeadId is { } lead && categories[qualified] != 0)
        {
            qualifiedLeads.Add(lead);
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline or enters a stage the pipeline lacks.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency has no rate to the reporting currency.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<FunnelAccumulator>.IsEmpty => all.Deals == 0;

    FunnelAccumulator IFrameAccumulator<FunnelAccumulator>.Fresh() => new(lookup.Pipeline, Currency, options);

    bool IFrameAccumulator<FunnelAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<FunnelAccumulator>.MergesLikeAdd(FunnelAccumulator framed)
    {
        if (!CountsExactly(all, framed.all))
        {
            return false;
        }
        foreach (var (key, theirs) in framed.groups)
        {
            if (groups.TryGetValue(key, out var mine) && !CountsExactly(mine, theirs))
            {
                return false;
            }
        }
        return true;
    }

    // SumsExactly assumes the added sums are exact: a kernel's always are, but DealPartitions' parts are built by Add,
    // whose steps can round (a sum that needs more than decimal's 96 bits at its scale); such a part is never merged.
    private static bool CountsExactly(FunnelCounts mine, FunnelCounts theirs) =>
        theirs.NeverRounded
        && FrameAddRange.CountsExactly(mine.Deals, theirs.Deals)
        && FrameAddRange.SumsExactly(mine.TotalAmount, theirs.TotalAmount)
        && mine.Counts.Zip(theirs.Counts).All(p => FrameAddRange.CountsExactly(p.First, p.Second))
        && mine.Amounts.Zip(theirs.Amounts).All(p => FrameAddRange.SumsExactly(p.First, p.Second));

    /// <summary>Adds one lead to the lead conversion lines.</summary>
    /// <param name="lead">The lead.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public void Add(Lead lead)
    {
        Preconditions.CheckNotNull(lead);
        var isConverted = lead.Status == LeadStatus.Converted;
        var keys = new List<(Breakdown, string)>();
        foreach (var breakdown in leadBreakdowns)
        {
            foreach (var key in BreakdownKeys.Of(lead, breakdown, options.Organization))
            {
                keys.Add((breakdown, key));
            }
        }
        foreach (var key in keys)
        {
            var (leads, conv) = leadGroups.TryGetValue(key, out var c) ? c : default;
            leadGroups[key] = (leads + 1, conv + (isConverted ? 1 : 0));
        }
        leadTotal = (leadTotal.Leads + 1, leadTotal.Converted + (isConverted ? 1 : 0));
        if (isConverted)
        {
            converted.Add((lead.Id, keys.ToArray()));
        }
    }

    /// <summary>Adds every lead.</summary>
    /// <param name="leads">The leads.</param>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> or one of them is null.</exception>
    public void AddRange(IEnumerable<Lead> leads)
    {
        Preconditions.AddEach(leads, Add, "Lead");
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same pipeline, currency and options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    public void Merge(FunnelAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the pipeline", ReferenceEquals(other.lookup.Pipeline, lookup.Pipeline)),
            ("the currency", other.Currency == Currency),
            ("the options", other.options == options)
        );
        all.Merge(other.all);
        foreach (var (key, counts) in other.groups)
        {
            if (!groups.TryGetValue(key, out var mine))
            {
                groups[key] = mine = new FunnelCounts(lookup.Count);
            }
            mine.Merge(counts);
        }
        foreach (var (key, (leads, conv)) in other.leadGroups)
        {
            var (l, c) = leadGroups.TryGetValue(key, out var x) ? x : default;
            leadGroups[key] = (l + leads, c + conv);
        }
        leadTotal = (leadTotal.Leads + other.leadTotal.Leads, leadTotal.Converted + other.leadTotal.Converted);
        converted.AddRange(other.converted);
        qualifiedLeads.UnionWith(other.qualifiedLeads);
    }

    /// <summary>The report of every deal and lead added so far.</summary>
    /// <returns>The report; the accumulator can go on accumulating.</returns>
    public FunnelReport Result()
    {
        var stages = lookup.Pipeline.OpenStages;
        var groupList = new List<FunnelGroup>();
        foreach (var breakdown in breakdowns)
        {
            groupList.AddRange(
                groups
                    .Where(kv => kv.Key.Item1 == breakdown)
                    .OrderBy(kv => kv.Key.Item2, StringComparer.Ordinal)
                    .Select(kv => Group(breakdown, kv.Key.Item2, kv.Value))
            );
        }
        var qualifiedCount = new Dictionary<(Breakdown, string), int>();
        var qualifiedTotal = 0;
        foreach (var (lead, keys) in converted)
        {
            if (qualifiedLeads.Contains(lead))
            {
                qualifiedTotal++;
                foreach (var key in keys)
                {
                    qualifiedCount[key] = qualifiedCount.GetValueOrDefault(key) + 1;
                }
            }
        }
        var leadLines = new List<LeadConversion>();
        foreach (var breakdown in leadBreakdowns)
        {
            leadLines.AddRange(
                leadGroups
                    .Where(kv => kv.Key.Item1 == breakdown)
                    .OrderBy(kv => kv.Key.Item2, StringComparer.Ordinal)
                    .Select(kv =>
                        Conversion(breakdown, kv.Key.Item2, kv.Value.Leads, kv.Value.Converted, qualifiedCount.GetValueOrDefault(kv.Key))
                    )
            );
        }
        return new FunnelReport(
            Currency,
            stages[qualified],
            Group(null, AllKey, all),
            groupList.AsReadOnly(),
            Conversion(null, AllKey, leadTotal.Leads, leadTotal.Converted, qualifiedTotal),
            leadLines.AsReadOnly()
        );
    }

    // The category of every stage the deal reached, from its last visit to the stage (a stay or a pass).
    internal static void Categorize(ReadOnlySpan<Stint> stints, Span<byte> categories)
    {
        categories.Clear();
        for (var i = stints.Length - 1; i >= 0; i--)
        {
            var stint = stints[i];
            if (categories[stint.Stage] == 0)
            {
                categories[stint.Stage] = (byte)Category(stint);
            }
        }
    }

    private static FunnelCategory Category(Stint stint) =>
        stint.Next >= 0
            ? (stint.Next > stint.Stage ? FunnelCategory.MovedOn : FunnelCategory.MovedBack)
            : stint.Exit switch
            {
                StintExit.Won => FunnelCategory.Won,
                StintExit.Lost => FunnelCategory.Lost,
                StintExit.Stopped => FunnelCategory.Stopped,
                _ => FunnelCategory.StillIn,
            };

    private decimal ToReporting(Money amount) =>
        options.Rates is { } rates ? rates.Convert(amount).Amount
        : amount.Currency == Currency ? amount.Amount
        : throw new MissingExchangeRateException(amount.Currency, Currency);

    private FunnelGroup Group(Breakdown? breakdown, string key, FunnelCounts counts)
    {
        var stages = lookup.Pipeline.OpenStages;
        var lines = new FunnelStage[stages.Count];
        var total = counts.TotalAmount;
        var open = 0m;
        for (var s = 0; s < stages.Count; s++)
        {
            open += counts.Amount(s, (int)FunnelCategory.StillIn);
        }
        FunnelStage? bottleneck = null;
        for (var s = 0; s < stages.Count; s++)
        {
            var reached = counts.Count(s, 0);
            var lost = counts.Count(s, (int)FunnelCategory.Lost);
            var line = new FunnelStage(
                stages[s],
                reached,
                counts.Count(s, (int)FunnelCategory.MovedOn),
                counts.Count(s, (int)FunnelCategory.MovedBack),
                lost,
                counts.Count(s, (int)FunnelCategory.Won),
                counts.Count(s, (int)FunnelCategory.StillIn),
                Money.Of(counts.Amount(s, 0), Currency),
                Money.Of(counts.Amount(s, (int)FunnelCategory.Lost), Currency),
                Money.Of(counts.Amount(s, (int)FunnelCategory.Won), Currency),
                Money.Of(counts.Amount(s, (int)FunnelCategory.StillIn), Currency),
                s + 1 < stages.Count && reached > 0 ? (double)counts.Count(s, FunnelCounts.ReachedNext) / reached : null,
                reached > 0 ? (double)lost / reached : null,
                total != 0m ? (double)(counts.Amount(s, 0) / total) : null,
                open != 0m ? (double)(counts.Amount(s, (int)FunnelCategory.StillIn) / open) : null,
                counts.Count(s, (int)FunnelCategory.Stopped),
                Money.Of(counts.Amount(s, (int)FunnelCategory.Stopped), Currency)
            );
            lines[s] = line;
            // Exact comparison of lost/reached as fractions; strictly greater keeps the earliest stage on a tie.
            if (lost > 0 && (bottleneck is null || (long)lost * bottleneck.Reached > (long)bottleneck.Lost * reached))
            {
                bottleneck = line;
            }
        }
        return new FunnelGroup(breakdown, key, counts.Deals, Array.AsReadOnly(lines), bottleneck);
    }

    private LeadConversion Conversion(Breakdown? breakdown, string key, int leads, int conv, int qual) =>
        new(
            breakdown,
            key,
            leads,
            conv,
            qual,
            leads > 0 ? BinomialInterval.Of(conv, leads, options.Confidence, options.IntervalMethod) : null,
            leads > 0 ? BinomialInterval.Of(qual, leads, options.Confidence, options.IntervalMethod) : null
        );

    private static void CheckBreakdowns(IReadOnlyList<Breakdown> breakdowns, FunnelOptions options, string paramName)
    {
        if (breakdowns is null)
        {
            throw new ArgumentNullException(paramName, "The breakdown lists of the options must not be null; use [] for none.");
        }
        foreach (var breakdown in breakdowns)
        {
            BreakdownKeys.CheckSetup(breakdown, options.Organization, "FunnelOptions.Organization", paramName, paramName);
        }
    }
}
