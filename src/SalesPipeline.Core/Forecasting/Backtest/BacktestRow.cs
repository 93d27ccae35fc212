using System.Globalization;
using NodaTime;
using SalesPipeline.Calendars;

namespace SalesPipeline.Forecasting;

/// <summary>What each method forecast at one point, and what was actually won.</summary>
/// <param name="ForecastDate">The date the forecast was made on.</param>
/// <param name="Period">The period forecast.</param>
/// <param name="Actual">What was won in the period (deals as they were at the period's end).</param>
/// <param name="StageWeighted">The stage-weighted expected revenue.</param>
/// <param name="CommitCumulative">Closed + Commit.</param>
/// <param name="BestCaseCumulative">Closed + Commit + Best case.</param>
/// <param name="PipelineCumulative">Closed + Commit + Best case + Pipeline (every counted deal).</param>
/// <param name="P10">The 10th percentile of the revenue distribution.</param>
/// <param name="P50">The median of the revenue distribution.</param>
/// <param name="P90">The 90th percentile of the revenue distribution.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record BacktestRow(
    LocalDate ForecastDate,
    FiscalPeriod Period,
    Money Actual,
    Money StageWeighted,
    Money CommitCumulative,
    Money BestCaseCumulative,
    Money PipelineCumulative,
    Money P10,
    Money P50,
    Money P90
)
{
    /// <summary>Whether the actual revenue fell between P10 and P90 (inclusive).</summary>
    public bool WithinP10ToP90 => Actual >= P10 && Actual <= P90;

    /// <summary>A one-line summary.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{ForecastDate:uuuu-MM-dd} {Period.Label}: actual {Actual} | weighted {StageWeighted} | commit {CommitCumulative} | best case {BestCaseCumulative} | P50 {P50} [{P10}, {P90}]"
        );
}
