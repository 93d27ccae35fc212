using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>Time in stage per open stage, as of an instant: latest and cumulative stints, in calendar or business days.</summary>
/// <remarks>Two reports are equal when all their figures are. Immutable; thread-safe.</remarks>
public sealed record TimeInStageReport
{
    internal TimeInStageReport(
        Instant asOf,
        TimeUnit unit,
        bool includesOpenStints,
        int deals,
        int notYetCreated,
        IReadOnlyList<StageTime> stages
    )
    {
        AsOf = asOf;
        Unit = unit;
        IncludesOpenStints = includesOpenStints;
        Deals = deals;
        NotYetCreated = notYetCreated;
        Stages = stages;
    }

    /// <summary>The instant the histories were read up to; open stints are measured up to it.</summary>
    public Instant AsOf { get; }

    /// <summary>Calendar days (24 hours) or business days.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Whether stints still open at <see cref="AsOf"/> count (see <see cref="TimeInStageOptions.IncludeOpenStints"/>).</summary>
    public bool IncludesOpenStints { get; }

    /// <summary>How many deals were added, including those created after <see cref="AsOf"/>.</summary>
    public int Deals { get; }

    /// <summary>How many of them were created after <see cref="AsOf"/> (they have no stints yet).</summary>
    public int NotYetCreated { get; }

    /// <summary>One line per open stage, in pipeline order.</summary>
    public IReadOnlyList<StageTime> Stages { get; }

    /// <summary>The line of one open stage.</summary>
    /// <param name="stageId">The open stage's id, for example "proposal".</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The report has no such stage; the message lists the stage ids it has.</exception>
    /// <example><code>report["proposal"].Cumulative?.MedianDays</code></example>
    public StageTime this[string stageId]
    {
        get
        {
            Preconditions.CheckNotNull(stageId);
            return Lookup.Find(Stages, s => s.Stage.Id == stageId, "time-in-stage report", stageId, s => s.Stage.Id);
        }
    }

    /// <summary>Finds the line of one open stage, without throwing.</summary>
    /// <param name="stageId">The open stage's id.</param>
    /// <param name="stage">The line, or null.</param>
    /// <returns>True when the report has the stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    public bool TryGet(string stageId, [NotNullWhen(true)] out StageTime? stage)
    {
        Preconditions.CheckNotNull(stageId);
        return Lookup.TryFind(Stages, s => s.Stage.Id == stageId, out stage);
    }

    /// <summary>Whether every figure of both reports is equal.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TimeInStageReport? other) =>
        other is not null
        && AsOf == other.AsOf
        && Unit == other.Unit
        && IncludesOpenStints == other.IncludesOpenStints
        && Deals == other.Deals
        && NotYetCreated == other.NotYetCreated
        && Stages.SequenceEqual(other.Stages);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AsOf, Unit, Deals, Stages.Count);

    /// <summary>A table: one row per stage with the cumulative time's count, mean, median and percentiles.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Time in stage as of {AsOf}, {(Unit == TimeUnit.BusinessDays ? "business days" : "days")}, open stints {(IncludesOpenStints ? "included" : "excluded")}\n"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"Stage", -16} {"Deals", 6} {"Open", 5} {"Mean", 8} {"Median", 8} {"Latest med.", 11}  Percentiles\n"
        );
        foreach (var s in Stages)
        {
            if (s.Cumulative is not { } c)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{s.Stage.Name, -16} {0, 6}\n");
                continue;
            }
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{s.Stage.Name, -16} {c.Count, 6} {c.OpenCount, 5} {c.MeanDays, 8:0.00} {c.MedianDays, 8:0.00} {s.Latest!.MedianDays, 11:0.00}  {string.Join(" ", c.Percentiles)}\n"
            );
        }
        return sb.ToString();
    }
}
