using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The pipeline by stage (<see cref="Forecast.ByStage"/>): the open deals per open stage, the stopped deals on their own
/// line, and the open total.
/// </summary>
/// <remarks>
/// <para>The stopped line is not part of the open total and has no weighted amount: a stopped deal is in no forecast
/// until it is resumed. The stage lines' counts and amounts add up to the total's.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record PipelineByStage
{
    internal PipelineByStage(
        Currency currency,
        IReadOnlyList<StagePipelineLine> stages,
        int stoppedDeals,
        Money stoppedAmount,
        int openDeals,
        Money openAmount,
        Money weighted
    )
    {
        Currency = currency;
        Stages = stages;
        StoppedDeals = stoppedDeals;
        StoppedAmount = stoppedAmount;
        OpenDeals = openDeals;
        OpenAmount = openAmount;
        Weighted = weighted;
    }

    /// <summary>The reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>One line per open stage, in pipeline order (stages with no deal included).</summary>
    public IReadOnlyList<StagePipelineLine> Stages { get; }

    /// <summary>How many deals are stopped (in any stage).</summary>
    public int StoppedDeals { get; }

    /// <summary>The amount of the stopped deals, unweighted.</summary>
    public Money StoppedAmount { get; }

    /// <summary>How many deals are open.</summary>
    public int OpenDeals { get; }

    /// <summary>The amount of the open deals, unweighted.</summary>
    public Money OpenAmount { get; }

    /// <summary>The open deals' weighted amount, from the exact sum rounded once.</summary>
    public Money Weighted { get; }

    /// <summary>A compact table: one row per open stage, then the stopped row, then the open total.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"Stage", -16} {"Deals", 6} {"Amount", 20} {"Weighted", 20}\n");
        foreach (var line in Stages)
        {
            Row(text, line.Stage.Id, line.Deals, line.Amount, line.Weighted.Amount.ToString("N2", CultureInfo.InvariantCulture));
        }
        Row(text, "(stopped)", StoppedDeals, StoppedAmount, "-");
        Row(text, "(open total)", OpenDeals, OpenAmount, Weighted.Amount.ToString("N2", CultureInfo.InvariantCulture));
        return text.ToString().TrimEnd('\n');
    }

    private static void Row(StringBuilder text, string label, int deals, Money amount, string weighted) =>
        text.Append(
            CultureInfo.InvariantCulture,
            $"{label, -16} {deals, 6} {amount.Amount.ToString("N2", CultureInfo.InvariantCulture), 20} {weighted, 20}\n"
        );
}
