using System.Globalization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

/// <summary>The open deals in one open stage: how many, their amount, and their amount weighted by win probability.</summary>
/// <param name="Stage">The open stage.</param>
/// <param name="Deals">Open deals in it.</param>
/// <param name="Amount">Their amount, unweighted, in the reporting currency.</param>
/// <param name="Weighted">The exact sum of amount x effective win probability, rounded once to the minor unit.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record StagePipelineLine(Stage Stage, int Deals, Money Amount, Money Weighted)
{
    /// <summary>"proposal: 1 deal, USD 100,000.00, weighted USD 50,000.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Stage.Id}: {Deals} deal{(Deals == 1 ? "" : "s")}, {Amount}, weighted {Weighted}");
}
