using System.Globalization;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

/// <summary>One open deal seen both ways: its stage-weighted value and its rep's category call.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="Name">The deal's name.</param>
/// <param name="Owner">Its owner.</param>
/// <param name="StageId">Its stage.</param>
/// <param name="Amount">Its amount in the reporting currency.</param>
/// <param name="Probability">Its effective win probability (and where it comes from).</param>
/// <param name="Category">Its effective category (and where it comes from).</param>
/// <param name="Weighted">Amount x probability, rounded to the minor unit.</param>
/// <param name="Disagreement">How far the probability lies outside the category's band (0 when they agree).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DealComparison(
    DealId DealId,
    string Name,
    string Owner,
    string StageId,
    Money Amount,
    EffectiveValue<decimal> Probability,
    EffectiveValue<ForecastCategory> Category,
    Money Weighted,
    decimal Disagreement
)
{
    /// <summary>"D-1 Acme | alice | proposal 50% | Commit | USD ... | off by 0.2".</summary>
    /// <returns>The invariant text.</returns>
    /// <remarks>
    /// The disagreement is printed to 4 decimals without trailing zeros (the precision of the percentage), so that its
    /// text does not depend on the scale of the decimals it was computed from (0.70 - 0.10 prints 0.6, not 0.60).
    /// </remarks>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{DealId} {Name} | {Owner} | {StageId} {Probability.Value * 100:0.##}% | {Category.Value} | {Amount} | weighted {Weighted} | off by {Disagreement:0.####}"
        );
}
