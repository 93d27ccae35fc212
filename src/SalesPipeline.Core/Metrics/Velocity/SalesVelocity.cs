using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

/// <summary>
/// Sales velocity: how much revenue the pipeline produces per day, V = (open opportunities x average won amount x win
/// rate) / average sales cycle in days, with each of the four inputs reported.
/// </summary>
/// <remarks>
/// <para>Every deal is read as it stood at the end of the window's last day (in <see cref="VelocityOptions.Zone"/>):
/// <list type="bullet">
/// <item><see cref="OpenDeals"/> (N): deals open then.</item>
/// <item><see cref="WonDeals"/> and <see cref="LostDeals"/>: deals won, or lost, at an instant inside the window (and
/// still won, or lost, at its end).</item>
/// <item><see cref="AverageWonAmount"/> (A): the won deals' amounts (converted by <see cref="VelocityOptions.Rates"/>)
/// divided by their number.</item>
/// <item><see cref="WinRate"/> (W): won / (won + lost) among the deals closed in the window, the default definition
/// of the win rate.</item>
/// <item><see cref="AverageCycleDays"/> (C): the mean creation-to-win time of the won deals, exact durations in days
/// (hours / 24).</item>
/// </list></para>
/// <para>The inputs and V are computed in <see cref="decimal"/>; <see cref="AverageWonAmount"/> and <see cref="PerDay"/>
/// are then rounded to the currency's minor unit (half away from zero). With no won deal, or an average cycle of 0
/// days, V is null and <see cref="Reason"/> says why: never NaN or infinity.</para>
/// <para>Example: 40 deals open at the end of the quarter; 10 won in it for USD 250,000.00 in all, 50 days on average
/// from creation to win; 15 lost in it. A = 25,000.00, W = 10 / 25 = 0.4, V = 40 x 25,000 x 0.4 / 50 = USD 8,000.00 per
/// day.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed partial record SalesVelocity
{
    private const decimal NanosecondsPerDay = 86_400_000_000_000m;

    private SalesVelocity(FiscalPeriod window, Breakdown? breakdown, string? group, Currency currency)
    {
        Window = window;
        Breakdown = breakdown;
        Group = group;
        Currency = currency;
        WonAmount = Money.Zero(currency);
    }

    /// <summary>The window.</summary>
    public FiscalPeriod Window { get; }

    /// <summary>The breakdown of <see cref="Group"/>, or null for all deals.</summary>
    public Breakdown? Breakdown { get; }

    /// <summary>The group's key (see <see cref="BreakdownKeys"/>), or null for all deals.</summary>
    public string? Group { get; }

    /// <summary>The reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>N: how many deals were open at the end of the window.</summary>
    public long OpenDeals { get; private init; }

    /// <summary>How many deals were won in the window.</summary>
    public long WonDeals { get; private init; }

    /// <summary>How many deals were lost in the window.</summary>
    public long LostDeals { get; private init; }

    /// <summary>The total amount of the deals won in the window, exact.</summary>
    public Money WonAmount { get; private init; }

    /// <summary>A: the average won amount, rounded to the minor unit; null when nothing was won.</summary>
    public Money? AverageWonAmount { get; private init; }

    /// <summary>W: won / (won + lost) among the deals closed in the window; null when none closed.</summary>
    public decimal? WinRate { get; private init; }

    /// <summary>C: the mean creation-to-win time of the deals won in the window, in days; null when nothing was won.</summary>
    public decimal? AverageCycleDays { get; private init; }

    /// <summary>V = N x A x W / C, revenue per day, rounded to the minor unit; null when undefined (see <see cref="Reason"/>).</summary>
    public Money? PerDay { get; private init; }

    /// <summary>
    /// The revenue the pipeline produces over <paramref name="days"/> days at this velocity: the unrounded V x days,
    /// rounded once to the minor unit (half away from zero); null when V is undefined (see <see cref="Reason"/>).
    /// </summary>
    /// <remarks>
    /// Computed from the unrounded rate, so it is not <see cref="PerDay"/> x days: with V = 40 x 1,000.00 x 0.35 / 45 =
    /// 311.111... per day, <see cref="PerDay"/> is USD 311.11 and RevenueOver(90) is USD 28,000.00 (311.11 x 90 would be
    /// 27,999.90).
    /// </remarks>
    /// <param name="days">The horizon in days; 0 or more.</param>
    /// <returns>The revenue over the horizon, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="days"/> is negative, or the revenue is beyond <see cref="Currency.MaxAmount"/> (10^18 minor units).
    /// </exception>
    public Money? RevenueOver(int days)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A horizon must be 0 days or more; it was {days}.");
        }
        return ExactPerDay is { } v ? Money.Of(v * days, Currency).Round() : null;
    }

    /// <summary>Why <see cref="PerDay"/> is null, or null when it is defined.</summary>
    public string? Reason { get; private init; }

    // The unrounded inputs and result, for Compare.
    internal decimal? ExactAverageWon { get; private init; }

    internal decimal? ExactPerDay { get; private init; }

    /// <summary>The sales velocity of the deals over a window.</summary>
    /// <param name="deals">The deals (open, won and lost, of any age).</param>
    /// <param name="window">The window, for example <c>FiscalCalendar.Calendar.Quarters(2026)[0]</c>.</param>
    /// <param name="options">Currency conversion, time zone, organisation; defaults when null.</param>
    /// <returns>The velocity with its inputs; in the rates' reporting currency, else in the first deal's currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, one of them, or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no deals and no <see cref="VelocityOptions.Rates"/> to tell the currency, or <see cref="VelocityOptions.Zone"/> is null.</exception>
    /// <exception cref="MissingExchangeRateException">A deal won in the window is in a currency without a rate.</exception>
    public static SalesVelocity Of(IEnumerable<Deal> deals, FiscalPeriod window, VelocityOptions? options = null) =>
        Accumulate(deals, window, options, null).Result();

    /// <summary>The sales velocity of each group of deals of a breakdown (by owner, team, source, product or customer).</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="window">The window.</param>
    /// <param name="breakdown">How to group the deals (<see cref="BreakdownKeys"/>: a deal counts in every team on its owner's path).</param>
    /// <param name="options">Options; <see cref="VelocityOptions.Organization"/> is required for <see cref="Metrics.Breakdown.Team"/>.</param>
    /// <returns>One velocity per group with a deal in some input, in ordinal order of the keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, one of them, or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no deals and no rates, the zone is null, or a team breakdown has no organisation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakdown"/> is not a defined value.</exception>
    /// <exception cref="MissingExchangeRateException">A deal won in the window is in a currency without a rate.</exception>
    public static IReadOnlyList<SalesVelocity> By(
        IEnumerable<Deal> deals,
        FiscalPeriod window,
        Breakdown breakdown,
        VelocityOptions? options = null
    ) => Accumulate(deals, window, options, breakdown).ResultByGroup();

    private static SalesVelocityAccumulator Accumulate(
        IEnumerable<Deal> deals,
        FiscalPeriod window,
        VelocityOptions? options,
        Breakdown? breakdown
    )
    {
        Preconditions.CheckNotNull(deals);
        Preconditions.CheckNotNull(window);
        if (DealFrames.For(deals) is { } frame)
        {
            var framed = new SalesVelocityAccumulator(window, Forecast.ReportingCurrency(frame, options?.Rates), options, breakdown);
            if (!framed.TryAdd(frame))
            {
                FrameAddRange.AddEach(framed, frame.DealList);
            }
            return framed;
        }
        var list = deals.ToArray();
        var currency = Forecast.ReportingCurrency(list, options?.Rates, nameof(deals));
        var accumulator = new SalesVelocityAccumulator(window, currency, options, breakdown);
        FrameAddRange.AddEach(accumulator, list);
        return accumulator;
    }

    // The win rate of the velocity is WinRate.Of's default definition (Decided): won / (won + lost) among deals closed
    // in the window.
    internal static decimal? VelocityWinRate(long won, long lost) => WinRateResult.CountRateOf(won, won + lost);

    internal static SalesVelocity From(
        FiscalPeriod window,
        Breakdown? breakdown,
        string? group,
        Currency currency,
        SalesVelocityAccumulator.Sums sums
    )
    {
        var velocity = new SalesVelocity(window, breakdown, group, currency)
        {
            OpenDeals = sums.Open,
            WonDeals = sums.Won,
            LostDeals = sums.Lost,
            WonAmount = Money.Of(sums.WonAmount, currency),
            WinRate = VelocityWinRate(sums.Won, sums.Lost),
        };
        if (sums.Won == 0)
        {
            return velocity with
            {
                Reason = "No deal was won in the window, so the average won amount and the cycle length are undefined.",
            };
        }
        var average = sums.WonAmount / sums.Won;
        var cycle = (decimal)sums.WonCycleNanoseconds / sums.Won / NanosecondsPerDay;
        velocity = velocity with
        {
            ExactAverageWon = average,
            AverageWonAmount = Money.Of(average, currency).Round(),
            AverageCycleDays = cycle,
        };
        if (cycle == 0)
        {
            return velocity with
            {
                Reason = "The won deals were won at the instant they were created (average cycle 0 days), so revenue per day is undefined.",
            };
        }
        decimal? perDay;
        try
        {
            perDay = sums.Open * average * velocity.WinRate!.Value / cycle;
        }
        catch (OverflowException)
        {
            perDay = null;
        }
        // Beyond decimal, or beyond what a Money holds: either way there is no amount per day to show.
        return perDay is { } v && Money.InRange(v, currency)
            ? velocity with
            {
                ExactPerDay = v,
                PerDay = Money.Of(v, currency).Round(),
            }
            : velocity with
            {
                Reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Revenue per day exceeds the range of Money in {currency.Code}, {Money.Text(currency.MaxAmount, currency)} (average cycle {cycle} days is too short for the amounts)."
                ),
            };
    }

    /// <summary>"2026-Q1 alice: N 40 x A USD 25,000.00 x W 0.4 / C 50 days = USD 8,000.00 per day".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var label = Group is null ? Window.Label : Window.Label + " " + Group;
        var inputs = string.Create(
            CultureInfo.InvariantCulture,
            $"N {OpenDeals} x A {AverageWonAmount?.ToString() ?? "-"} x W {Rounded(WinRate)} ({WonDeals} won, {LostDeals} lost) / C {Rounded(AverageCycleDays)} days"
        );
        return PerDay is { } v ? $"{label}: {inputs} = {v} per day" : $"{label}: {inputs}: velocity undefined: {Reason}";
    }

    private static string Rounded(decimal? value) =>
        value is { } v ? decimal.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
