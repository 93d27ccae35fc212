using System.Globalization;
using SalesPipeline.Statistics;

namespace SalesPipeline.Metrics;

/// <summary>
/// A win rate by count and by value, with the counts and values it comes from.
/// </summary>
/// <remarks>
/// <para>By count: <see cref="CountRate"/> = <see cref="Won"/> / <see cref="Trials"/>, where Trials is
/// <see cref="Decided"/> (won + lost) under <see cref="WinRateDefinition.Decided"/> and won + lost + open under
/// <see cref="WinRateDefinition.Created"/>; <see cref="CountInterval"/> is its confidence interval (Wilson by default, see <see cref="WinRateOptions.IntervalMethod"/>). By value:
/// <see cref="ValueRate"/> = won value / (won + lost value), plus the open value under Created, from the exact
/// (unrounded) sums in the reporting currency.</para>
/// <para>No interval is given for the value rate: its uncertainty depends on how the amounts are spread (one large
/// deal can swing it), and a binomial interval over currency units would treat every unit as an independent trial and
/// claim far too much certainty. Read it beside the count interval.</para>
/// <para>With no trials the rates and the interval are null, never NaN; with a zero value denominator the value rate
/// is null. Immutable; thread-safe.</para>
/// </remarks>
public sealed record WinRateResult
{
    internal WinRateResult(
        WinRateDefinition definition,
        WinRateCell cell,
        ReportingValue value,
        double confidence,
        BinomialIntervalMethod method
    )
    {
        Definition = definition;
        Won = cell.Won;
        Lost = cell.Lost;
        Open = cell.Open;
        WonValue = value.ToMoney(cell.WonValue);
        LostValue = value.ToMoney(cell.LostValue);
        OpenValue = value.ToMoney(cell.OpenValue);
        CountRate = CountRateOf(Won, Trials);
        CountInterval = Trials == 0 ? null : BinomialInterval.Of(Won, Trials, confidence, method);
        var denominator = cell.WonValue + cell.LostValue + (definition == WinRateDefinition.Created ? cell.OpenValue : 0m);
        ValueRate = denominator == 0m ? null : cell.WonValue / denominator;
    }

    // The count rate, won / trials, in one place: SalesVelocity's win rate uses it too.
    internal static decimal? CountRateOf(long won, long trials) => trials == 0 ? null : (decimal)won / trials;

    /// <summary>The definition the rate follows.</summary>
    public WinRateDefinition Definition { get; }

    /// <summary>Deals won.</summary>
    public int Won { get; }

    /// <summary>Deals lost.</summary>
    public int Lost { get; }

    /// <summary>Deals still open: always 0 under <see cref="WinRateDefinition.Decided"/>, which does not count them.</summary>
    public int Open { get; }

    /// <summary>Deals decided: won + lost.</summary>
    public int Decided => Won + Lost;

    /// <summary>The denominator of <see cref="CountRate"/>: decided deals, plus open ones under <see cref="WinRateDefinition.Created"/>.</summary>
    public int Trials => Won + Lost + Open;

    /// <summary>Won / <see cref="Trials"/>, or null when there are no trials.</summary>
    public decimal? CountRate { get; }

    /// <summary>The confidence interval of the count rate at the options' confidence and by their method, or null when there are no trials.</summary>
    public BinomialInterval? CountInterval { get; }

    /// <summary>The won amount in the reporting currency (rounded to its minor unit), or null when no currency is known (nothing counted, none given).</summary>
    public Money? WonValue { get; }

    /// <summary>The lost amount in the reporting currency, or null when no currency is known.</summary>
    public Money? LostValue { get; }

    /// <summary>The open amount in the reporting currency (zero under Decided), or null when no currency is known.</summary>
    public Money? OpenValue { get; }

    /// <summary>Won value / (won + lost value [+ open value under Created]), from exact sums; null when that denominator is zero.</summary>
    public decimal? ValueRate { get; }

    /// <summary>"8/10 won = 80.0% [49.0%, 94.3%]; by value 75.0% (USD 75,000.00 of USD 100,000.00)".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var count = CountRate is { } rate
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{Won}/{Trials} won = {rate:0.0%} [{CountInterval!.Lower:0.0%}, {CountInterval.Upper:0.0%}]"
            )
            : "0 trials";
        var total = WonValue is null
            ? null
            : Money.Of(
                WonValue.Amount + LostValue!.Amount + (Definition == WinRateDefinition.Created ? OpenValue!.Amount : 0m),
                WonValue.Currency
            );
        var value = ValueRate is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"by value {v:0.0%} ({WonValue} of {total})")
            : "by value n/a";
        return count + "; " + value;
    }
}
