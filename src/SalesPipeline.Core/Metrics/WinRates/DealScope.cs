using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

internal enum DealOutcome
{
    Excluded,
    Won,
    Lost,
    Open,
}

// The one rule that says whether a deal counts under WinRateOptions, and as what; shared by win rates, leaderboards,
// loss and competitor analysis so they all read the same deals.
internal sealed class DealScope
{
    private readonly WinRateOptions options;

    internal DealScope(WinRateOptions options) => this.options = options;

    internal WinRateDefinition Definition => options.Definition;

    internal DealOutcome Classify(Deal deal, out LocalDate date)
    {
        if (options.Definition == WinRateDefinition.Created)
        {
            date = deal.CreatedAt.InZone(options.Zone).Date;
            return !options.InWindow(date) ? DealOutcome.Excluded : Of(deal.Status);
        }
        // A stopped deal is undecided (no ClosedAt), so it is left out, unless the options count it as lost: then the
        // stop is its decision and places it.
        var decidedAt = deal.ClosedAt ?? (options.CountStoppedAsLost ? deal.StoppedAt : null);
        if (decidedAt is not { } closed)
        {
            date = default;
            return DealOutcome.Excluded;
        }
        date = closed.InZone(options.Zone).Date;
        return options.InWindow(date) ? Of(deal.Status) : DealOutcome.Excluded;
    }

    // Under the Created definition a stopped deal is part of its cohort: not won, so it counts like an open deal, or as
    // lost when the options say so.
    private DealOutcome Of(DealStatus status) =>
        status switch
        {
            DealStatus.Won => DealOutcome.Won,
            DealStatus.Lost => DealOutcome.Lost,
            DealStatus.Stopped when options.CountStoppedAsLost => DealOutcome.Lost,
            _ => DealOutcome.Open,
        };
}

// Brings amounts into the reporting currency by the one conversion rule (ExchangeRates.ToReporting). The
// currency is fixed by the rates or the options, else by the first amount converted; merging checks both sides agree.
internal sealed class ReportingValue
{
    private readonly ExchangeRates? rates;

    internal ReportingValue(WinRateOptions options)
    {
        rates = options.Rates;
        given = options.Currency is not null;
        Currency = options.Rates?.ReportingCurrency ?? options.Currency;
    }

    internal Currency? Currency { get; private set; }

    // True when Currency came from the rates or WinRateOptions.Currency (a target), false when read off the amounts.
    private bool Given => rates is not null || given;

    private readonly bool given;

    // The one rule (docs/money.md): without rates or a given currency, the amounts' one currency; a second currency is
    // an error naming both.
    internal decimal Convert(Money amount)
    {
        if (!Given && Currency is { } seen && amount.Currency != seen)
        {
            throw ReportingCurrencyRule.Mixed([seen, amount.Currency]);
        }
        var currency = Currency ?? amount.Currency;
        var value = ExchangeRates.ToReporting(rates, amount, currency).Amount;
        Currency = currency;
        return value;
    }

    // What converting amounts all in one currency leaves behind, for a kernel that proved they need no conversion
    // (no rates, and the currency given or the only one): the currency they fixed, as Convert would have.
    internal void Saw(Currency currency)
    {
        Currency ??= currency;
    }

    internal void Join(ReportingValue other)
    {
        if (other.Currency is not { } theirs)
        {
            return;
        }
        if (Currency is { } mine && mine != theirs)
        {
            throw Given ? new MissingExchangeRateException(theirs, mine) : ReportingCurrencyRule.Mixed([mine, theirs]);
        }
        Currency = theirs;
    }

    // Sums stay exact; money leaves rounded to the currency's minor unit, half away from zero (Money.Round).
    internal Money? ToMoney(decimal sum) => Currency is { } currency ? Money.Of(sum, currency).Round() : null;
}
