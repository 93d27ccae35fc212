using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    /// <summary>
    /// The rep-category forecast from a prepared <see cref="ForecastSnapshot"/>: the same lines as
    /// <see cref="ByCategory(IEnumerable{Deals.Deal}, Pipelines.PipelineDefinition, IEnumerable{FiscalPeriod}, SalesOrg, IEnumerable{CategoryAdjustment}?, ForecastOptions?, bool)"/>,
    /// with one pass of integer sums over the deals.
    /// </summary>
    /// <param name="snapshot">The prepared deals.</param>
    /// <param name="periods">The periods; they must not overlap.</param>
    /// <param name="organization">The organization the figures roll up through.</param>
    /// <param name="adjustments">Managers' adjustments; none when null.</param>
    /// <param name="asOf">The as-of date (earlier open deals are overdue); the first period's start when null.</param>
    /// <param name="allowSelfAdjustment">Whether people may adjust their own figures.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException">A required argument or an adjustment is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap, or an adjustment is invalid.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public static CategoryForecast ByCategory(
        ForecastSnapshot snapshot,
        IEnumerable<FiscalPeriod> periods,
        SalesOrg organization,
        IEnumerable<CategoryAdjustment>? adjustments = null,
        LocalDate? asOf = null,
        bool allowSelfAdjustment = false
    )
    {
        Preconditions.CheckNotNull(snapshot);
        Preconditions.CheckNotNull(organization);
        Preconditions.CheckDate(asOf);
        var ps = Periods.CheckNonOverlapping(periods, nameof(periods));
        var index = new PeriodIndex(ps, asOf);
        var asOfDay = index.AsOfDay;
        var owners = snapshot.Owners.Count;
        var overdueSlot = ps.Length;
        var sums = new long[(ps.Length + 1) * owners * 5];
        var days = snapshot.Day;
        var amounts = snapshot.AmountMinor;
        var kinds = snapshot.Kind;
        var ownerOf = snapshot.Owner;
        var categories = snapshot.Category;
        for (var i = 0; i < amounts.Length; i++)
        {
            var slot = index.IndexOfDay(days[i]);
            if (kinds[i] == ForecastSnapshot.OpenKind && days[i] < asOfDay)
            {
                slot = overdueSlot;
            }
            if (slot >= 0)
            {
                sums[(slot * owners + ownerOf[i]) * 5 + categories[i]] += amounts[i];
            }
        }

        var scale = snapshot.Currency.MinorUnitValue;
        var byPeriod = new Dictionary<int, Dictionary<string, CategoryAmounts>>();
        var overdue = CategoryAmounts.Zero(snapshot.Currency);
        for (var slot = 0; slot <= overdueSlot; slot++)
        {
            var map = new Dictionary<string, CategoryAmounts>(StringComparer.Ordinal);
            for (var o = 0; o < owners; o++)
            {
                var k = (slot * owners + o) * 5;
                if (sums.AsSpan(k, 5).ContainsAnyExcept(0L))
                {
                    map[snapshot.Owners[o]] = new CategoryAmounts(
                        Money.Of(sums[k + (int)ForecastCategory.Closed] * scale, snapshot.Currency),
                        Money.Of(sums[k + (int)ForecastCategory.Commit] * scale, snapshot.Currency),
                        Money.Of(sums[k + (int)ForecastCategory.BestCase] * scale, snapshot.Currency),
                        Money.Of(sums[k + (int)ForecastCategory.Pipeline] * scale, snapshot.Currency),
                        Money.Of(sums[k + (int)ForecastCategory.Omitted] * scale, snapshot.Currency)
                    );
                }
            }
            if (slot == overdueSlot)
            {
                overdue = map.Values.Aggregate(overdue, (a, b) => a.Plus(b));
            }
            else
            {
                byPeriod[slot] = map;
            }
        }
        return CategoryRollup.Build(
            organization,
            ps,
            snapshot.Currency,
            byPeriod,
            overdue,
            (adjustments ?? []).ToArray(),
            allowSelfAdjustment
        );
    }
}
