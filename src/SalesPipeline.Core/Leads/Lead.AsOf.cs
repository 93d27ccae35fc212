using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Leads;

public sealed partial record Lead
{
    /// <summary>Rebuilds the lead as it was at <paramref name="instant"/>: the fold of its events up to and including it.</summary>
    /// <param name="instant">The instant; not before the lead was created.</param>
    /// <returns>The lead as it was then (this lead itself when no event is later).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is before <see cref="CreatedAt"/>, or is not a supported instant (0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z).</exception>
    /// <example><code>
    /// // Created in team emea's pool on 1 March, given to bob on 6 March: on 5 March it still waited in the pool.
    /// var then = lead.AsOf(Instant.FromUtc(2026, 3, 5, 9, 0)); // then.IsInPool == true, then.Owner == null
    /// </code></example>
    public Lead AsOf(Instant instant) =>
        TryAsOf(Preconditions.CheckInstant(instant), out var lead)
            ? lead
            : throw new ArgumentOutOfRangeException(
                nameof(instant),
                instant,
                $"Lead {Id} did not exist at {instant}; it was created at {CreatedAt}."
            );

    /// <summary>Rebuilds the lead as it was at <paramref name="instant"/>, or says it did not exist yet.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="lead">The lead as it was, or null when it was created later.</param>
    /// <returns>Whether the lead existed at <paramref name="instant"/>.</returns>
    /// <remarks>Reports as of a past instant (pools, pipeline health) use this, so a lead assigned, converted or
    /// disqualified later is seen as it was then.</remarks>
    public bool TryAsOf(Instant instant, [NotNullWhen(true)] out Lead? lead)
    {
        lead = null;
        if (instant < CreatedAt)
        {
            return false;
        }
        if (LatestAt <= instant)
        {
            lead = this;
            return true;
        }
        // The history was checked when it was recorded, so its prefix is a history FromEvents accepts.
        lead = FromEvents(Log.TakeWhile(e => e.At <= instant));
        return true;
    }
}
