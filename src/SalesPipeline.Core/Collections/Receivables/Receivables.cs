using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Money;
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
    public const string Unassigned = "(unassigned)";

    internal static (CollectionSchedule[] Schedules, Currency Currency) Check(IEnumerable<CollectionSchedule> schedules, string paramName)
    {
        Preconditions.CheckNotNull(schedules, paramName);
        var list = schedules.ToArray();
        Preconditions.CheckArgument(
            list.Length > 0,
            paramName,
            "At least one collection schedule is needed (its currency is the report's); the list was empty."
        );
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(paramName, $"Collection schedule {i} is null.");
            }
        }
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

    internal static string CustomerOf(CollectionSchedule schedule) => schedule.Contract?.Customer ?? Unassigned;

    internal static string RepOf(CollectionSchedule schedule) => schedule.Contract?.Owner ?? Unassigned;

    // The owner's own team (not its parents), so that the team lines add up to the company total.
    internal static Dictionary<string, string?> TeamIndex(SalesOrg organization) =>
        organization.People.ToDictionary(p => p.Id, p => p.TeamId, StringComparer.Ordinal);

    internal static string TeamOf(Dictionary<string, string?> teams, CollectionSchedule schedule) =>
        schedule.Contract is { } c && teams.TryGetValue(c.Owner, out var team) && team is not null ? team : Unassigned;
}
