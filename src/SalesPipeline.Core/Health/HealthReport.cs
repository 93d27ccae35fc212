using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

/// <summary>
/// The result of a pipeline health inspection: every finding, the deals at risk, the figures behind the checks
/// (typical won cycle, coverage), the checks that could not run and why, and the review shortlist.
/// </summary>
/// <remarks>
/// <para>Findings are listed pipeline findings first, then stage findings in stage order, then deal findings by deal
/// id (ordinal), then lead findings by lead id (ordinal); one subject's findings in <see cref="FindingKind"/> order.
/// So the report does not depend on the order of its inputs.</para>
/// <para>A large pipeline has hundreds of thousands of deals at risk, so each <see cref="DealHealth"/> and its findings
/// are built when first read (from <see cref="Deals"/>, <see cref="Findings"/> or <see cref="ToString"/>) and then
/// kept; the shortlists build only the deals they list. So a report keeps what the checks read until then: the
/// activity index, the policy, the pipeline and the deals at risk as of the instant.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class HealthReport
{
    private readonly AtRiskDeals atRisk;

    internal HealthReport(
        Instant asOf,
        Currency? currency,
        int openDeals,
        int wonDeals,
        int lostDeals,
        int stoppedDeals,
        IReadOnlyList<HealthFinding> pipelineFindings,
        AtRiskDeals deals,
        IReadOnlyList<HealthFinding> leadFindings,
        Duration? typicalWonCycle,
        TypicalCycleSource typicalCycleSource,
        CoverageResult? coverage,
        IReadOnlyList<string> skippedChecks,
        int shortlistSize
    )
    {
        AsOf = asOf;
        Currency = currency;
        OpenDeals = openDeals;
        WonDeals = wonDeals;
        LostDeals = lostDeals;
        StoppedDeals = stoppedDeals;
        atRisk = deals;
        Findings = new HealthFindings(pipelineFindings, deals, leadFindings);
        Deals = deals;
        TypicalWonCycle = typicalWonCycle;
        TypicalCycleSource = typicalCycleSource;
        Coverage = coverage;
        SkippedChecks = skippedChecks;
        ShortlistSize = shortlistSize;
        Shortlist = ReviewShortlist.Select(deals, shortlistSize, null, currency);
    }

    /// <summary>The instant the pipeline was inspected as of.</summary>
    public Instant AsOf { get; }

    /// <summary>The currency of every amount; null only when there was no open deal, no rate table and no coverage target.</summary>
    public Currency? Currency { get; }

    /// <summary>How many deals were open at <see cref="AsOf"/> (the deals checked).</summary>
    public int OpenDeals { get; }

    /// <summary>How many deals were won by <see cref="AsOf"/> (the typical-cycle baseline).</summary>
    public int WonDeals { get; }

    /// <summary>How many deals were lost by <see cref="AsOf"/> (not checked).</summary>
    public int LostDeals { get; }

    /// <summary>
    /// How many deals were stopped at <see cref="AsOf"/>: not checked (a stopped deal is paused on purpose, so it is not
    /// stale, rotting or overdue) and not in the coverage.
    /// </summary>
    public int StoppedDeals { get; }

    /// <summary>Every finding, in the order described in the remarks.</summary>
    public IReadOnlyList<HealthFinding> Findings { get; }

    /// <summary>The open deals with at least one finding, by deal id (ordinal).</summary>
    public IReadOnlyList<DealHealth> Deals { get; }

    /// <summary>The typical won cycle the age check used, or null when it was skipped.</summary>
    public Duration? TypicalWonCycle { get; }

    /// <summary>Where <see cref="TypicalWonCycle"/> came from.</summary>
    public TypicalCycleSource TypicalCycleSource { get; }

    /// <summary>The coverage figures, or null when no coverage goal was given.</summary>
    public CoverageResult? Coverage { get; }

    /// <summary>The checks that did not run, each with the reason in plain words; empty when all ran.</summary>
    public IReadOnlyList<string> SkippedChecks { get; }

    /// <summary>The shortlist size from the policy.</summary>
    public int ShortlistSize { get; }

    /// <summary>The review shortlist of the whole pipeline (<see cref="HealthPolicy.ShortlistSize"/> deals).</summary>
    public ReviewShortlist Shortlist { get; }

    /// <summary>The findings of one kind, in report order.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The findings.</returns>
    public IEnumerable<HealthFinding> FindingsOf(FindingKind kind) => Findings.Where(f => f.Kind == kind);

    /// <summary>The review shortlist of one owner's deals at risk.</summary>
    /// <param name="owner">The owner (as of <see cref="AsOf"/>); not empty.</param>
    /// <param name="size">How many deals; the policy's <see cref="HealthPolicy.ShortlistSize"/> when null; at least 1.</param>
    /// <returns>The owner's shortlist (empty when none of their deals is at risk).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is zero or negative.</exception>
    public ReviewShortlist ShortlistFor(string owner, int? size = null)
    {
        Preconditions.CheckNotBlank(owner);
        var n = size ?? ShortlistSize;
        Preconditions.CheckRange(n > 0, nameof(size), size, $"A shortlist needs at least 1 deal; {n} was asked for.");
        return ReviewShortlist.Select(atRisk, n, owner, Currency);
    }

    /// <summary>A summary line, the skipped checks, every finding, and the shortlist.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(
            CultureInfo.InvariantCulture,
            $"Pipeline health as of {AsOf}: {OpenDeals} open deals{(StoppedDeals > 0 ? $", {StoppedDeals} stopped" : "")}, {Deals.Count} at risk, {Findings.Count} findings\n"
        );
        foreach (var skipped in SkippedChecks)
        {
            text.Append("Skipped: ").Append(skipped).Append('\n');
        }
        foreach (var finding in Findings)
        {
            text.Append(finding.ToString()).Append('\n');
        }
        return text.Append(Shortlist.ToString()).ToString();
    }
}
