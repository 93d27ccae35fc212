using System;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Organization;
using SalesPipeline.Statistics;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Which deals a win rate, leaderboard, loss or competitor analysis reads, and how: the definition, the window of
/// dates, the time zone that turns instants into dates, the reporting currency and the organisation.
/// </summary>
/// <remarks>
/// <para>The window is half-open, [<see cref="Start"/>, <see cref="End"/>): a deal counts when the date that places it
/// (its close date under <see cref="WinRateDefinition.Decided"/>, its creation date under
/// <see cref="WinRateDefinition.Created"/>, the instant converted to a date in <see cref="Zone"/>) is on or after
/// Start and before End. A missing end is open. <see cref="Within"/> sets the window to a fiscal period.</para>
/// <para>Immutable; thread-safe. <c>new WinRateOptions()</c> is the default: decided deals, no window, UTC, one
/// currency, no organisation, 95% Wilson intervals.</para>
/// </remarks>
/// <example><code>
/// var q1 = new WinRateOptions().Within(FiscalCalendar.Calendar.Quarter(2026, 1)); // closed in [2026-01-01, 2026-04-01)
/// </code></example>
public sealed record WinRateOptions
{
    private readonly double confidence = 0.95;
    private readonly WinRateDefinition definition = WinRateDefinition.Decided;
    private readonly BinomialIntervalMethod intervalMethod = BinomialIntervalMethod.Wilson;

    /// <summary>The default options.</summary>
    public static WinRateOptions Default { get; } = new();

    /// <summary>Which deals the rate divides by; <see cref="WinRateDefinition.Decided"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined definition.</exception>
    public WinRateDefinition Definition
    {
        get => definition;
        init =>
            definition = Enum.IsDefined(value)
                ? value
                : throw new ArgumentOutOfRangeException(
                    nameof(Definition),
                    value,
                    $"The win-rate definition must be Decided or Created; it was {(int)value}."
                );
    }

    /// <summary>The first day of the window (inclusive), or null for no lower bound.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public LocalDate? Start
    {
        get;
        init => field = Preconditions.CheckDate(value, nameof(Start));
    }

    /// <summary>The day after the window (exclusive), or null for no upper bound.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public LocalDate? End
    {
        get;
        init => field = Preconditions.CheckDate(value, nameof(End));
    }

    /// <summary>
    /// Whether a stopped deal (<see cref="Deals.DealStatus.Stopped"/>) counts as lost. False by default: a stopped deal
    /// is not decided, so it is in no win rate, leaderboard, loss or competitor count under
    /// <see cref="WinRateDefinition.Decided"/>, and counts as not won (like an open deal) under
    /// <see cref="WinRateDefinition.Created"/>. When true, it counts as lost, placed by the instant it was stopped
    /// under <see cref="WinRateDefinition.Decided"/>: the stricter reading, for teams that treat a pause as a loss until
    /// the deal is resumed.
    /// </summary>
    public bool CountStoppedAsLost { get; init; }

    /// <summary>The time zone in which closing and creation instants become dates; UTC by default.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>
    /// Exchange rates into the reporting currency. When null, every counted deal must be in one currency: the
    /// <see cref="Currency"/> if given (another currency is a <see cref="MissingExchangeRateException"/> naming it),
    /// else the deals' one currency (a second one is a <see cref="MissingExchangeRateException"/> naming both, whatever
    /// the order): the one rule of every report, docs/money.md "The reporting currency". Never a silent skip.
    /// </summary>
    public ExchangeRates? Rates { get; init; }

    /// <summary>The reporting currency when there are no <see cref="Rates"/>; with rates it must be theirs or null.</summary>
    public Currency? Currency { get; init; }

    /// <summary>The sales organisation, needed for breakdowns and leaderboards by team.</summary>
    public SalesOrg? Organization { get; init; }

    /// <summary>The confidence level of the count intervals; strictly between 0 and 1, 0.95 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1.</exception>
    public double Confidence
    {
        get => confidence;
        init => confidence = ConfidenceLevel.Check(value, nameof(Confidence));
    }

    /// <summary>The method of the count-rate intervals: <see cref="BinomialIntervalMethod.Wilson"/> by default, or
    /// <see cref="BinomialIntervalMethod.Jeffreys"/> or <see cref="BinomialIntervalMethod.ClopperPearson"/> (see <see cref="BinomialInterval"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined method.</exception>
    public BinomialIntervalMethod IntervalMethod
    {
        get => intervalMethod;
        init => intervalMethod = BinomialInterval.CheckMethod(value, nameof(IntervalMethod));
    }

    /// <summary>These options with the window set to a fiscal period: [period.Start, period.End + 1 day).</summary>
    /// <param name="period">The period.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public WinRateOptions Within(FiscalPeriod period)
    {
        Preconditions.CheckNotNull(period);
        return this with { Start = period.Start, End = period.End.PlusDays(1) };
    }

    /// <summary>Whether a date falls in the window [<see cref="Start"/>, <see cref="End"/>).</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when inside.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public bool InWindow(LocalDate date)
    {
        Preconditions.CheckDate(date);
        return (Start is not { } start || date >= start) && (End is not { } end || date < end);
    }

    internal void Check(string paramName)
    {
        Preconditions.CheckArgument(Zone is not null, paramName, "WinRateOptions.Zone must not be null; use DateTimeZone.Utc for UTC.");
        if (Start is { } start && End is { } end)
        {
            Preconditions.CheckArgument(
                start < end,
                paramName,
                $"The window [{start:uuuu-MM-dd}, {end:uuuu-MM-dd}) is empty: Start must be before End (End is exclusive)."
            );
        }
        if (Rates is { } rates && Currency is { } currency)
        {
            Preconditions.CheckArgument(
                rates.ReportingCurrency == currency,
                paramName,
                $"The exchange rates report in {rates.ReportingCurrency.Code}, but the options ask for {currency.Code}."
            );
        }
    }
}
