using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SalesPipeline.Deals;
using SalesPipeline.Statistics;

namespace SalesPipeline.Forecasting;

/// <summary>
/// How well the win probabilities in force during closed deals' lives predicted their outcomes: the Brier score and
/// reliability table of all of them, of those that were stage defaults, and of those that were manual or model overrides,
/// each a <see cref="ReliabilityTable"/> (the general statistic for any list of probability forecasts, with the Murphy
/// decomposition and skill score).
/// </summary>
/// <remarks>
/// <para>Each closed deal contributes one forecast per stint it had in an open stage: its effective win probability
/// (<see cref="PipelineTransitions.WinProbabilityOf"/>) as it stood just after the event that began the stint
/// (its creation, a stage move or a reopening), scored against its final outcome (1 won, 0 lost). That is
/// <c>deal.AsOf(start)</c> except that later events dated the same instant are left out, so a deal moved and won in
/// the same instant is scored on its stage's probability, not on the won deal's 1. An override set during a stint counts
/// from the next stint on. Open deals contribute nothing.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class ForecastReliability
{
    private ForecastReliability(ReliabilityTable all, ReliabilityTable stageDefaults, ReliabilityTable overrides)
    {
        All = all;
        StageDefaults = stageDefaults;
        Overrides = overrides;
    }

    /// <summary>Every forecast.</summary>
    public ReliabilityTable All { get; }

    /// <summary>The forecasts that were the stage's default probability (<see cref="ValueSource.StageDefault"/>).</summary>
    public ReliabilityTable StageDefaults { get; }

    /// <summary>The forecasts that were a manual or model override (<see cref="ValueSource.Manual"/> or <see cref="ValueSource.Model"/>).</summary>
    public ReliabilityTable Overrides { get; }

    // The general table scores each part; a stage probability (a decimal of at most a few digits) converts to the double
    // nearest it, which the table's decimal binning puts back in the bin it was written for.
    internal static ForecastReliability Of(IReadOnlyList<(decimal Probability, ValueSource Source, bool Won)> forecasts) =>
        new(
            ReliabilityTable.Of(forecasts.Select(f => ((double)f.Probability, f.Won))),
            ReliabilityTable.Of(forecasts.Where(f => f.Source == ValueSource.StageDefault).Select(f => ((double)f.Probability, f.Won))),
            ReliabilityTable.Of(
                forecasts.Where(f => f.Source is ValueSource.Manual or ValueSource.Model).Select(f => ((double)f.Probability, f.Won))
            )
        );

    /// <summary>"Brier 0.3920 over 5 forecasts (stage defaults 0.3300 over 4; overrides 0.6400 over 1)", then the table of all forecasts.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Brier {PipelineChain.Fixed(All.Brier, "0.0000")} over {All.Count} forecasts (stage defaults {PipelineChain.Fixed(StageDefaults.Brier, "0.0000")} over {StageDefaults.Count}; overrides {PipelineChain.Fixed(Overrides.Brier, "0.0000")} over {Overrides.Count})\n"
        );
        return All.AppendBins(sb).ToString();
    }
}
