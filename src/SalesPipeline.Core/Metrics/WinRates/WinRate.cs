using System;
using System.Collections.Generic;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

/// <summary>
/// Win rates: won / (won + lost) by default, by count (with a Wilson, Jeffreys or Clopper-Pearson interval) and by value, overall or by owner, team,
/// source, product, competitor or period of close. Another definition only through <see cref="WinRateOptions.Definition"/>.
/// </summary>
/// <remarks>
/// <para>Each method runs a <see cref="WinRateAccumulator"/> over the deals; use the accumulator directly to split the
/// work. A deal counts by its current state: pass <c>deal.AsOf(instant)</c> for a past view.</para>
/// <para>Stateless; thread-safe.</para>
/// </remarks>
/// <example><code>
/// var rate = WinRate.Of(deals, new WinRateOptions().Within(calendar.Quarter(2026, 1)));
/// // 8 won, 2 lost: rate.CountRate = 0.8, rate.CountInterval = [0.4902, 0.9433] at 95%
/// </code></example>
public static class WinRate
{
    /// <summary>The win rate over every deal the options take.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="options">Options; <see cref="WinRateOptions.Default"/> (decided deals, no window) when null.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public static WinRateResult Of(IEnumerable<Deal> deals, WinRateOptions? options = null)
    {
        return new WinRateAccumulator(options).AddAll(deals).Result().Total;
    }

    /// <summary>Win rates by owner, team (with sub-teams), source or product.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="breakdown">The breakdown.</param>
    /// <param name="options">Options; by team needs <see cref="WinRateOptions.Organization"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">By team without an organisation, or inconsistent options.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakdown"/> is not a defined value.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public static WinRateTable By(IEnumerable<Deal> deals, Breakdown breakdown, WinRateOptions? options = null)
    {
        return WinRateAccumulator.By(breakdown, options).AddAll(deals).Result();
    }

    /// <summary>Win rates by competitor faced (<see cref="Deal.Competitors"/>); deals without one under <see cref="BreakdownKeys.None"/>.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="options">Options.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public static WinRateTable ByCompetitor(IEnumerable<Deal> deals, WinRateOptions? options = null)
    {
        return WinRateAccumulator.ByCompetitor(options).AddAll(deals).Result();
    }

    /// <summary>Win rates by period of close (of creation under <see cref="WinRateDefinition.Created"/>).</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="periods">The periods; they must not overlap.</param>
    /// <param name="options">Options.</param>
    /// <returns>The table, one line per period in the given order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, <paramref name="periods"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap, or the options are inconsistent.</exception>
    /// <exception cref="MissingExchangeRateException">A deal's currency cannot be converted to the reporting currency.</exception>
    public static WinRateTable ByPeriod(IEnumerable<Deal> deals, IEnumerable<FiscalPeriod> periods, WinRateOptions? options = null)
    {
        return WinRateAccumulator.ByPeriod(periods, options).AddAll(deals).Result();
    }
}
