using System.Globalization;

namespace SalesPipeline.Metrics;

/// <summary>One competitor: the deals it was up against, our win rate against it, and what we lost to it.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CompetitorLine
{
    internal CompetitorLine(string competitor, WinRateResult rate, int openDeals, Money? openValue, int lostTo, Money? lostToValue)
    {
        Competitor = competitor;
        Rate = rate;
        OpenDeals = openDeals;
        OpenValue = openValue;
        LostTo = lostTo;
        LostToValue = lostToValue;
    }

    /// <summary>The competitor's name.</summary>
    public string Competitor { get; }

    /// <summary>
    /// Our win rate on the deals that faced it (those with it in <see cref="Deals.Deal.Competitors"/>), by the options'
    /// definition and window; the same figures as <see cref="WinRate.ByCompetitor"/>.
    /// </summary>
    public WinRateResult Rate { get; }

    /// <summary>
    /// Open deals facing it: under <see cref="WinRateDefinition.Decided"/> every open deal given (open deals have no
    /// close date, so the window does not apply); under Created, the open deals created in the window.
    /// </summary>
    public int OpenDeals { get; }

    /// <summary>The amount of <see cref="OpenDeals"/> in the reporting currency; null when no currency is known.</summary>
    public Money? OpenValue { get; }

    /// <summary>All deals against it: won + lost + open.</summary>
    public int Deals => Rate.Won + Rate.Lost + OpenDeals;

    /// <summary>Deals lost to it (<see cref="Deals.Deal.Competitor"/> names it), among the lost ones in <see cref="Rate"/>.</summary>
    public int LostTo { get; }

    /// <summary>The amount lost to it in the reporting currency; null when no currency is known.</summary>
    public Money? LostToValue { get; }

    /// <summary>"Globex: 6 deals (1 open), 3/5 won = 60.0% [...]; lost to them 2, USD 50,000.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Competitor}: {Deals} deals ({OpenDeals} open), {Rate}; lost to them {LostTo}, {LostToValue}"
        );
}
