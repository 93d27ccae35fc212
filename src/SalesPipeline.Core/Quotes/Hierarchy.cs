using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Organization;

namespace SalesPipeline.Quotes;

// The organisation questions approval asks, in one place: who is above a person (nearest first) and who holds a role.
internal static class Hierarchy
{
    // Until SalesOrg.ManagersAbove lands (issue 13's foundation): the leads of the person's teams upwards, without the
    // person and without repeats.
    internal static IReadOnlyList<string> ManagersAbove(SalesOrg org, string personId) =>
        org.PathOf(personId)
            .Select(t => t.LeadId)
            .Where(lead => lead is not null && lead != personId)
            .Select(lead => lead!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    internal static bool HoldsRole(SalesOrg org, string role, string personId) => false;
}
