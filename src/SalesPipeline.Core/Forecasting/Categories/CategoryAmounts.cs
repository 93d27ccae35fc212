using System.Globalization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The amount in each forecast category, on its own, with the cumulative views sales managers read:
/// <see cref="CommitCumulative"/> (Closed + Commit), <see cref="BestCaseCumulative"/> (Closed + Commit + Best case) and
/// <see cref="OpenPipeline"/> (Pipeline + Best case + Commit of open deals). Omitted never counts in any of them.
/// </summary>
/// <param name="Closed">Won in the period.</param>
/// <param name="Commit">Open deals the reps commit to.</param>
/// <param name="BestCase">Open deals that could close if things go well.</param>
/// <param name="Pipeline">Other open deals that count.</param>
/// <param name="Omitted">Open deals excluded from the forecast (shown, never added in).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CategoryAmounts(Money Closed, Money Commit, Money BestCase, Money Pipeline, Money Omitted)
{
    /// <summary>Closed + Commit.</summary>
    public Money CommitCumulative => Closed + Commit;

    /// <summary>Closed + Commit + Best case.</summary>
    public Money BestCaseCumulative => Closed + Commit + BestCase;

    /// <summary>Pipeline + Best case + Commit: the open deals that count.</summary>
    public Money OpenPipeline => Pipeline + BestCase + Commit;

    /// <summary>The amount of one category on its own.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The amount.</returns>
    public Money this[ForecastCategory category] =>
        category switch
        {
            ForecastCategory.Closed => Closed,
            ForecastCategory.Commit => Commit,
            ForecastCategory.BestCase => BestCase,
            ForecastCategory.Pipeline => Pipeline,
            _ => Omitted,
        };

    internal static CategoryAmounts Zero(Currency currency)
    {
        var zero = Money.Zero(currency);
        return new CategoryAmounts(zero, zero, zero, zero, zero);
    }

    internal CategoryAmounts With(ForecastCategory category, Money amount) =>
        category switch
        {
            ForecastCategory.Closed => this with { Closed = amount },
            ForecastCategory.Commit => this with { Commit = amount },
            ForecastCategory.BestCase => this with { BestCase = amount },
            ForecastCategory.Pipeline => this with { Pipeline = amount },
            _ => this with { Omitted = amount },
        };

    internal CategoryAmounts Plus(CategoryAmounts o) =>
        new(Closed + o.Closed, Commit + o.Commit, BestCase + o.BestCase, Pipeline + o.Pipeline, Omitted + o.Omitted);

    /// <summary>"closed X | commit X (cum X) | best case X (cum X) | pipeline X | open X".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"closed {Closed} | commit {Commit} (cum {CommitCumulative}) | best case {BestCase} (cum {BestCaseCumulative}) | pipeline {Pipeline} | open {OpenPipeline}"
        );
}
