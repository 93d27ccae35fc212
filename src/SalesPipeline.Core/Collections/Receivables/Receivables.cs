using System;
using System.Collections.Generic;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>Names shared by the receivables reports (<see cref="Aging"/>, <see cref="CollectionProgress"/>, <see cref="CashForecast"/>).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class Receivables
{
    /// <summary>
    /// The key of a line for schedules that cannot be placed: a schedule without a <see cref="ContractInfo"/> (customer,
    /// rep and team), or, in team lines, an owner who is not in the sales organization or is in no team. Such amounts are
    /// never dropped: they are shown under this key.
    /// </summary>
    public const string Unassigned = Metrics.BreakdownKeys.Unassigned;

    internal static (CollectionSchedule[] Schedules, Currency Currency) Check(IEnumerable<CollectionSchedule> schedules, string paramName)
    {
        var buffer = new List<CollectionSchedule>();
        Preconditions.AddEach(schedules, buffer.Add, "Collection schedule", paramName);
        var list = buffer.ToArray();
        Preconditions.CheckArgument(
            list.Length > 0,
            paramName,
            "At least one collection schedule is needed (its currency is the report's); the list was empty."
        );
        var currency = list[0].Currency;
        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].Currency != currency)
            {
                throw new ArgumentException(
                    $"All collection schedules must be in one currency: schedule 0 ({list[0].Contract?.ContractId ?? "no contract id"}) is in {currency.Code}, schedule {i} ({list[i].Contract?.ContractId ?? "no contract id"}) is in {list[i].Currency.Code}. Report each currency separately, or convert the totals with ExchangeRates before creating the schedules.",
                    paramName
                );
            }
        }
        return (list, currency);
    }

    // A report's sum of minor units across schedules ends as a Money, so it may be at most 10^18 minor units
    // (Currency.MaxAmount). Both operands are within that, so the long addition cannot overflow before the check.
    internal static long Add(long total, long units, Currency currency, string paramName, string what)
    {
        var sum = total + units;
        return Math.Abs(sum) <= Money.MaxMinorUnits
            ? sum
            : throw Money.OutOfRange(
                paramName,
                null,
                $"{what} would reach {Money.Text(sum * currency.MinorUnitValue, currency)}, which",
                currency
            );
    }

    internal static string CustomerOf(CollectionSchedule schedule) => schedule.Contract?.Customer ?? Unassigned;

    internal static string RepOf(CollectionSchedule schedule) => schedule.Contract?.Owner ?? Unassigned;

    // The owner's own team only, not its parent teams, so that the team lines add up to the company total. This differs on
    // purpose from the team rule of Metrics (BreakdownKeys.Teams), which counts a person under every team on the path.
    internal static string TeamOf(SalesOrg organization, CollectionSchedule schedule) =>
        schedule.Contract is { } c && organization.HasPerson(c.Owner) && organization.GetPerson(c.Owner).TeamId is { } team
            ? team
            : Unassigned;
}
