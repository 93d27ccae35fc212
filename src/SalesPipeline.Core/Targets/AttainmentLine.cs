using System.Globalization;

namespace SalesPipeline.Targets;

/// <summary>
/// One line of an attainment report: for one quota (a person, team or the company over a period), the target, what was
/// won, how far along it is, and whether the open pipeline is enough to close the gap.
/// </summary>
/// <remarks>
/// <para>Example: target USD 300,000.00, won 120,000.00: completion 0.4, gap 180,000.00. Open pipeline 450,000.00 (of
/// which weighted 200,000.00): coverage 450,000 / 180,000 = 2.5. With a historical win rate of 0.25 the required
/// coverage is 4, so the coverage gap is 4 - 2.5 = 1.5 and the pipeline gap 180,000 / 0.25 - 450,000 = USD 270,000.00
/// more pipeline needed.</para>
/// <para>Ratios are exact decimal quotients (about 28 significant digits), not rounded. Immutable; thread-safe.</para>
/// </remarks>
public sealed record AttainmentLine
{
    internal AttainmentLine(
        Quota quota,
        int wonDeals,
        Money won,
        int openDeals,
        Money openPipeline,
        Money weightedPipeline,
        decimal? winRate
    )
    {
        Quota = quota;
        WonDeals = wonDeals;
        Won = won;
        OpenDeals = openDeals;
        OpenPipeline = openPipeline;
        WeightedPipeline = weightedPipeline;
        RequiredCoverage = winRate is { } rate ? 1m / rate : null;
        PipelineGap = winRate is { } r && Coverage is not null ? (Remaining / r).Round() - OpenPipeline : null;
    }

    /// <summary>The quota the line measures: subject, period and target.</summary>
    public Quota Quota { get; }

    /// <summary>The target.</summary>
    public Money Target => Quota.Target;

    /// <summary>How many deals were won in the period.</summary>
    public int WonDeals { get; }

    /// <summary>The amount won in the period: deals won on a day of the period (in the options' zone), in the quota's currency.</summary>
    public Money Won { get; }

    /// <summary>Won / target (0.4 = 40%; above 1 when over-achieved); null when the target is zero.</summary>
    public decimal? CompletionRate => Target.IsZero ? null : Won.Amount / Target.Amount;

    /// <summary>Target - won: what is left to win; negative when the target was exceeded (over-achieved by that much).</summary>
    public Money Gap => Target - Won;

    /// <summary>The gap when it is positive, else zero: the part of the target not yet won.</summary>
    public Money Remaining => Gap.IsPositive ? Gap : Money.Zero(Target.Currency);

    /// <summary>How many open deals are expected to close in the period (on or after the as-of date).</summary>
    public int OpenDeals { get; }

    /// <summary>Their amount, unweighted.</summary>
    public Money OpenPipeline { get; }

    /// <summary>Their amount weighted by each deal's effective win probability, summed exactly and rounded once (half away from zero).</summary>
    public Money WeightedPipeline { get; }

    /// <summary>Won plus the weighted pipeline: where the period is expected to end.</summary>
    public Money Projected => Won + WeightedPipeline;

    /// <summary>Open pipeline / remaining target (3 means three times what is still needed); null when nothing remains.</summary>
    public decimal? Coverage => Remaining.IsZero ? null : OpenPipeline.Amount / Remaining.Amount;

    /// <summary>1 / the historical win rate (a win rate of 0.25 needs 4x coverage); null without a win rate.</summary>
    public decimal? RequiredCoverage { get; }

    /// <summary>Required coverage - coverage: above zero the pipeline is short of what the win rate needs; null when either is unknown.</summary>
    public decimal? CoverageGap => RequiredCoverage - Coverage;

    /// <summary>
    /// Remaining / win rate (rounded half away from zero to the minor unit) - open pipeline: above zero, how much more
    /// pipeline the win rate says is needed; below zero, the surplus. Null when coverage or required coverage is unknown.
    /// </summary>
    public Money? PipelineGap { get; }

    /// <summary>"Person alice, FY2026 Q1: won USD 120,000.00 of USD 300,000.00 (40.0%), gap ...".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Quota.Level} {Quota.SubjectId}, {Quota.Period.Label}: won {Won} of {Target} ({Percent(CompletionRate)}), gap {Gap}, open {OpenPipeline}, weighted {WeightedPipeline}, coverage {Times(Coverage)} (required {Times(RequiredCoverage)})"
        );

    internal static string Percent(decimal? ratio) => ratio is { } r ? (r * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    internal static string Times(decimal? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
}
