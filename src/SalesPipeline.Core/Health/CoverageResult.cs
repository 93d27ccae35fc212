using System.Globalization;
using SalesPipeline.Calendars;

namespace SalesPipeline.Health;

/// <summary>
/// The coverage check's figures: coverage = open pipeline expected to close in the period / (target - won so far in
/// the period), against the required coverage 1 / win rate.
/// </summary>
/// <remarks>
/// Amounts are in the report's currency, exact (not rounded). <see cref="Coverage"/> is null when the target is
/// already reached (nothing remains to cover). Immutable; thread-safe.
/// </remarks>
public sealed record CoverageResult
{
    internal CoverageResult(FiscalPeriod period, Money target, Money wonSoFar, Money openPipeline, int openDeals, decimal winRate)
    {
        Period = period;
        Target = target;
        WonSoFar = wonSoFar;
        OpenPipeline = openPipeline;
        OpenDeals = openDeals;
        WinRate = winRate;
    }

    /// <summary>The period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>The period's target.</summary>
    public Money Target { get; }

    /// <summary>The amount of the deals won in the period by the as-of instant.</summary>
    public Money WonSoFar { get; }

    /// <summary>Target minus won so far; negative when the target is exceeded.</summary>
    public Money RemainingTarget => Target - WonSoFar;

    /// <summary>The unweighted amount of the open deals expected to close in the period (on or after the as-of date).</summary>
    public Money OpenPipeline { get; }

    /// <summary>How many open deals make up <see cref="OpenPipeline"/>.</summary>
    public int OpenDeals { get; }

    /// <summary>The win rate the goal assumed.</summary>
    public decimal WinRate { get; }

    /// <summary>1 / <see cref="WinRate"/>.</summary>
    public decimal RequiredCoverage => 1m / WinRate;

    /// <summary>Open pipeline / remaining target, exact; null when nothing remains (the target is reached).</summary>
    public decimal? Coverage => RemainingTarget.IsPositive ? OpenPipeline.Amount / RemainingTarget.Amount : null;

    /// <summary>Whether the open pipeline is enough: nothing remains, or open pipeline x win rate &gt;= remaining target.</summary>
    public bool IsEnough => !RemainingTarget.IsPositive || OpenPipeline.Amount * WinRate >= RemainingTarget.Amount;

    /// <summary>"FY2026 Q2: open USD 700,000.00 / remaining USD 600,000.00 = 1.16x (needs 3.33x at 30%)": the coverage rounded down to a hundredth.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Period.Label}: open {OpenPipeline} / remaining {RemainingTarget} = {(Coverage is { } c ? HealthText.RatioDown(c) : "target reached")} (needs {HealthText.Ratio(RequiredCoverage)} at {HealthText.Percent(WinRate)})"
        );
}
