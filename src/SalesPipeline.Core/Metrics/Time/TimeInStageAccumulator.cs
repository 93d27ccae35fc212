using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates time in stage deal by deal, and merges with other accumulators over other deals: the merge of the parts
/// gives exactly the report of the whole (the samples are kept exactly, in 100 ns ticks, and percentiles are order
/// statistics, which do not depend on the order the samples arrived in).
/// </summary>
/// <remarks>
/// <para>Memory: exact percentiles need every sample: 16 bytes per deal and open stage it spent time in (one 8-byte
/// sample for the latest stint, one for the cumulative time), for example 64 MB for 1,000,000 deals that each went
/// through 4 stages. <see cref="TimeInStage.Of"/> reserves that room up front for every deal in every open stage, so
/// that large inputs never copy a growing array.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class TimeInStageAccumulator : IFrameAccumulator<TimeInStageAccumulator>
{
    private readonly StageLookup lookup;
    private readonly Instant asOf;
    private readonly TimeInStageOptions options;
    private readonly DurationSamples[] latest;
    private readonly DurationSamples[] cumulative;
    private int deals;
    private int notYetCreated;
    private Stint[] buffer = new Stint[16];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="asOf">The instant histories are read up to; stints still open then are measured up to it.</param>
    /// <param name="options">Options; <see cref="TimeInStageOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or the percentile list is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A percentile is not in [0, 1]; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z
    /// (with <see cref="TimeInStageOptions.BusinessDays"/>, also when its date in the calendar's zone is outside 0001-01-01 to 9999-12-31).
    /// </exception>
    public TimeInStageAccumulator(PipelineDefinition pipeline, Instant asOf, TimeInStageOptions? options = null)
        : this(pipeline, asOf, options, 0) { }

    // capacity: the number of deals expected, so that the sample arrays need not grow (and copy) on a large input.
    internal TimeInStageAccumulator(PipelineDefinition pipeline, Instant asOf, TimeInStageOptions? options, int capacity)
    {
        Preconditions.CheckNotNull(pipeline);
        this.asOf = Preconditions.CheckInstant(asOf);
        this.options = options ?? TimeInStageOptions.Default;
        // Open stints are measured to asOf: in business days its local date must be a supported one too.
        this.options.BusinessDays?.Ticks(asOf, nameof(asOf));
        if (this.options.Percentiles is null)
        {
            throw new ArgumentNullException(nameof(options), "TimeInStageOptions.Percentiles must not be null; use [] for none.");
        }
        foreach (var p in this.options.Percentiles)
        {
            Preconditions.CheckRange(
                p >= 0.0 && p <= 1.0,
                nameof(options),
                p,
                $"A percentile's probability must be between 0 and 1 inclusive; it was {p.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
            );
        }
        lookup = new StageLookup(pipeline);
        latest = Enumerable.Range(0, lookup.Count).Select(_ => new DurationSamples(capacity)).ToArray();
        cumulative = Enumerable.Range(0, lookup.Count).Select(_ => new DurationSamples(capacity)).ToArray();
    }

    /// <summary>
    /// Adds one deal: per open stage it spent time in (skipped stages have none), its latest and its cumulative time. An
    /// imported deal's first stay that the import did not see begin (<see cref="DealImported.StageEntryKnown"/> false) has
    /// no known length, so it is left out: the stage then has no cumulative time for the deal, nor a latest time unless
    /// the deal came back to the stage later.
    /// </summary>
    /// <param name="deal">A deal of the pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deal belongs to another pipeline or enters a stage the pipeline lacks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// With <see cref="TimeInStageOptions.BusinessDays"/>, an instant of the deal's stints falls, in the calendar's zone, on a
    /// date outside 0001-01-01 to 9999-12-31 (0001-01-01T00:00Z is 0000-12-31 in New York).
    /// </exception>
    public void Add(Deal deal)
    {
        Preconditions.CheckNotNull(deal);
        var count = StageStints.Extract(deal, lookup, asOf, ref buffer);
        deals++;
        if (count == 0)
        {
            notYetCreated++;
            return;
        }
        var stages = lookup.Count;
        Span<long> last = stackalloc long[stages];
        Span<long> sum = stackalloc long[stages];
        Span<byte> state = stackalloc byte[stages]; // 1: has a stint, 2: its last one is open
        // An imported deal's first stay, not seen beginning, has no known length: the stage's cumulative time is then
        // unknown (cut), and so is its latest time while that stay is the last one counted (lastCut).
        Span<bool> cut = stackalloc bool[stages];
        Span<bool> lastCut = stackalloc bool[stages];
        state.Clear();
        sum.Clear();
        cut.Clear();
        lastCut.Clear();
        var calendar = options.BusinessDays;
        for (var i = 0; i < count; i++)
        {
            var stint = buffer[i];
            if (stint.IsSkipped || (stint.IsOpen && !options.IncludeOpenStints))
            {
                continue;
            }
            if (stint.Truncated)
            {
                cut[stint.Stage] = lastCut[stint.Stage] = true;
                continue;
            }
            lastCut[stint.Stage] = false;
            var end = stint.IsOpen ? asOf : stint.Left;
            var ticks = calendar is null
                ? end.ToUnixTimeTicks() - stint.Entered.ToUnixTimeTicks()
                : calendar.Ticks(end, nameof(deal)) - calendar.Ticks(stint.Entered, nameof(deal));
            last[stint.Stage] = ticks;
            sum[stint.Stage] += ticks;
            state[stint.Stage] = (byte)(stint.IsOpen ? 3 : 1);
        }
        for (var s = 0; s < stages; s++)
        {
            if (state[s] != 0 && !lastCut[s])
            {
                latest[s].Add(last[s], state[s] == 3);
            }
            if (state[s] != 0 && !cut[s])
            {
                cumulative[s].Add(sum[s], state[s] == 3);
            }
        }
    }

    /// <summary>Adds every deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal belongs to another pipeline or enters a stage the pipeline lacks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Add"/>: a stint's instant outside the supported dates in the business calendar's zone.</exception>
    /// <remarks>A list of deals is added on the columnar frame when that gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals) => FrameAddRange.Run(this, deals);

    bool IFrameAccumulator<TimeInStageAccumulator>.IsEmpty => deals == 0;

    TimeInStageAccumulator IFrameAccumulator<TimeInStageAccumulator>.Fresh() => new(lookup.Pipeline, asOf, options);

    bool IFrameAccumulator<TimeInStageAccumulator>.TryAdd(DealFrame frame) => TryAdd(frame);

    bool IFrameAccumulator<TimeInStageAccumulator>.MergesLikeAdd(TimeInStageAccumulator framed) =>
        FrameAddRange.CountsExactly(deals, framed.deals) && FrameAddRange.CountsExactly(notYetCreated, framed.notYetCreated);

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same pipeline, as-of instant and options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    public void Merge(TimeInStageAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the pipeline", ReferenceEquals(other.lookup.Pipeline, lookup.Pipeline)),
            ("the as-of point", other.asOf == asOf),
            ("the options", other.options == options)
        );
        for (var s = 0; s < lookup.Count; s++)
        {
            latest[s].Merge(other.latest[s]);
            cumulative[s].Merge(other.cumulative[s]);
        }
        deals += other.deals;
        notYetCreated += other.notYetCreated;
    }

    /// <summary>The report of every deal added so far.</summary>
    /// <returns>The report; the accumulator can go on accumulating.</returns>
    public TimeInStageReport Result()
    {
        var stages = lookup.Pipeline.OpenStages;
        var lines = new StageTime[stages.Count];
        double perDay = BusinessCalendar.TicksPerDay;
        // Each summary selects order statistics in its own samples, independently of the others: with many samples
        // they are computed on all cores (the figures are the same in any order).
        var summaries = new DurationSummary?[2 * lines.Length];
        void Summarize(int i) =>
            summaries[i] = DurationSummary.Of(i % 2 == 0 ? latest[i / 2] : cumulative[i / 2], options.Percentiles, perDay);
        if (deals >= FramePartitions.Threshold())
        {
            System.Threading.Tasks.Parallel.For(0, summaries.Length, Summarize);
        }
        else
        {
            for (var i = 0; i < summaries.Length; i++)
            {
                Summarize(i);
            }
        }
        for (var s = 0; s < lines.Length; s++)
        {
            lines[s] = new StageTime(stages[s], summaries[2 * s], summaries[2 * s + 1]);
        }
        return new TimeInStageReport(
            asOf,
            options.BusinessDays is null ? TimeUnit.CalendarDays : TimeUnit.BusinessDays,
            options.IncludeOpenStints,
            deals,
            notYetCreated,
            Array.AsReadOnly(lines)
        );
    }
}
