using System;
using System.Globalization;
using SalesPipeline.Calendars;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

/// <summary>
/// What the coverage check measures against: the target of a period and the win rate expected on open pipeline. The
/// required coverage is 1 / <see cref="WinRate"/>: at a 25% win rate the open pipeline must be 4 times the target
/// still to win.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <example><code>
/// var goal = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Money.Of(400_000m, Currency.USD), winRate: 0.25m);
/// </code></example>
public sealed record CoverageGoal
{
    /// <summary>Creates a coverage goal.</summary>
    /// <param name="period">The period the target is for.</param>
    /// <param name="target">The period's target (quota); above zero.</param>
    /// <param name="winRate">The share of open pipeline expected to be won, in (0, 1]; for example from <c>WinRate.Of</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> or <paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not above zero, or <paramref name="winRate"/> is outside (0, 1].</exception>
    public CoverageGoal(FiscalPeriod period, Money target, decimal winRate)
    {
        Period = Preconditions.CheckNotNull(period);
        Target = Preconditions.CheckNotNull(target);
        Preconditions.CheckRange(target.IsPositive, nameof(target), target, $"A coverage target must be above zero; it was {target}.");
        Preconditions.CheckRange(
            winRate is > 0m and <= 1m,
            nameof(winRate),
            winRate,
            $"A win rate for coverage must be above 0 and at most 1; it was {winRate.ToString(CultureInfo.InvariantCulture)}."
        );
        WinRate = winRate;
    }

    /// <summary>The period the target is for.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>The period's target.</summary>
    public Money Target { get; }

    /// <summary>The expected win rate of open pipeline, in (0, 1].</summary>
    public decimal WinRate { get; }

    /// <summary>The required coverage, 1 / <see cref="WinRate"/>.</summary>
    public decimal RequiredCoverage => 1m / WinRate;
}
