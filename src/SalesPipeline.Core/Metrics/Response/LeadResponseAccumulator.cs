using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Leads;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Accumulates <see cref="LeadResponseTime"/> lead by lead (for all leads and, optionally, per group of a
/// <see cref="Breakdown"/>), and merges with other accumulators over other leads: the merge of the parts gives exactly
/// the figures of the whole (it keeps every response time, so medians and percentiles are exact).
/// </summary>
/// <remarks>
/// <para>Each accumulator reads first touches from its own <see cref="ActivityIndex"/>, so parts may hold only their
/// leads' activities; merging needs the same as-of instant, options and breakdown.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed class LeadResponseAccumulator
{
    private readonly ActivityIndex activities;
    private readonly Dictionary<string, Part> groups = new(StringComparer.Ordinal);
    private readonly Part total = new();

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="activities">The activities about the leads (a lead's first touch is its own or its earliest activity's, see <see cref="ActivityIndex.FirstTouchOf"/>).</param>
    /// <param name="asOf">The instant to read the leads at: touches after it have not happened yet.</param>
    /// <param name="options">Options; <see cref="LeadResponseOptions.Default"/> when null.</param>
    /// <param name="breakdown">The groups to accumulate besides the total, or null for the total only.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> is null.</exception>
    /// <exception cref="ArgumentException">The breakdown is by team without <see cref="LeadResponseOptions.Organization"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An option is out of range, or <paramref name="breakdown"/> is not a defined value; or <paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    /// </exception>
    public LeadResponseAccumulator(ActivityIndex activities, Instant asOf, LeadResponseOptions? options = null, Breakdown? breakdown = null)
    {
        this.activities = Preconditions.CheckNotNull(activities);
        AsOf = Preconditions.CheckInstant(asOf);
        Options = options ?? LeadResponseOptions.Default;
        Options.Check(nameof(options));
        if (breakdown is { } b)
        {
            BreakdownKeys.CheckSetup(b, Options.Organization, "LeadResponseOptions.Organization", nameof(breakdown));
        }
        Breakdown = breakdown;
    }

    /// <summary>The instant the leads are read at.</summary>
    public Instant AsOf { get; }

    /// <summary>The options.</summary>
    public LeadResponseOptions Options { get; }

    /// <summary>The breakdown accumulated besides the total, or null.</summary>
    public Breakdown? Breakdown { get; }

    /// <summary>Adds one lead, as it stood at <see cref="AsOf"/>.</summary>
    /// <param name="lead">The lead.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentException">The lead's first touch (an activity about it) is before it was created.</exception>
    public void Add(Lead lead)
    {
        Preconditions.CheckNotNull(lead);
        var firstTouch = activities.FirstTouchOf(lead);
        Preconditions.CheckArgument(
            firstTouch is null || firstTouch.Value >= lead.CreatedAt,
            nameof(lead),
            $"Lead {lead.Id} was first touched at {firstTouch}, before it was created at {lead.CreatedAt}; a response time cannot be negative."
        );
        var keys = Breakdown is { } breakdown ? BreakdownKeys.Of(lead, breakdown, Options.Organization) : [];
        Record(total, lead, firstTouch);
        foreach (var key in keys)
        {
            if (!groups.TryGetValue(key, out var part))
            {
                groups[key] = part = new Part();
            }
            Record(part, lead, firstTouch);
        }
    }

    /// <summary>Adds every lead.</summary>
    /// <param name="leads">The leads.</param>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A lead's first touch is before it was created.</exception>
    public void AddRange(IEnumerable<Lead> leads)
    {
        Preconditions.AddEach(leads, Add, "Lead");
    }

    /// <summary>Adds everything another accumulator has seen; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same as-of instant, options and breakdown.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other accumulator was set up differently.</exception>
    public void Merge(LeadResponseAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the as-of point", other.AsOf == AsOf),
            ("the options", other.Options == Options),
            ("the breakdown", other.Breakdown == Breakdown)
        );
        total.Add(other.total);
        foreach (var (key, part) in other.groups.ToArray())
        {
            if (!groups.TryGetValue(key, out var mine))
            {
                groups[key] = mine = new Part();
            }
            mine.Add(part);
        }
    }

    /// <summary>The response times of every lead added so far.</summary>
    /// <returns>The figures (their <see cref="LeadResponseTime.Group"/> is null); the accumulator can go on accumulating.</returns>
    public LeadResponseTime Result() => LeadResponseTime.From(AsOf, Options, null, null, total);

    /// <summary>The response times of each group of the breakdown, in ordinal order of the keys.</summary>
    /// <returns>One entry per group; empty when the accumulator has no breakdown.</returns>
    public IReadOnlyList<LeadResponseTime> ResultByGroup() =>
        groups
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => LeadResponseTime.From(AsOf, Options, Breakdown, kv.Key, kv.Value))
            .ToArray()
            .AsReadOnly();

    private void Record(Part part, Lead lead, Instant? firstTouch)
    {
        if (lead.CreatedAt > AsOf)
        {
            part.NotYetCreated++;
            return;
        }
        if (firstTouch is { } touch && touch <= AsOf)
        {
            part.Responses.Add((touch - lead.CreatedAt).ToInt64Nanoseconds());
            return;
        }
        var waiting = AsOf - lead.CreatedAt;
        if (waiting > Options.UntouchedAfter)
        {
            part.Overdue.Add(new UntouchedLead(lead.Id, lead.OwnerKey, lead.CreatedAt, waiting.TotalHours));
        }
        else
        {
            part.Waiting++;
        }
    }

    internal sealed class Part
    {
        public List<long> Responses { get; } = [];

        public List<UntouchedLead> Overdue { get; } = [];

        public long Waiting { get; set; }

        public long NotYetCreated { get; set; }

        public void Add(Part other)
        {
            Responses.AddRange(other.Responses);
            Overdue.AddRange(other.Overdue);
            Waiting += other.Waiting;
            NotYetCreated += other.NotYetCreated;
        }
    }
}
