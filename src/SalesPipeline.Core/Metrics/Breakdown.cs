namespace SalesPipeline.Metrics;

/// <summary>
/// How a metric is broken down into groups of deals (or leads). Every metric that offers a breakdown uses the same
/// keys, so a win rate and a velocity "by team" group the same deals.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Owner"/>: the deal's current owner (history stays with the deal when it is reassigned).</item>
/// <item><see cref="Team"/>: every team on the owner's path in the <see cref="Organization.SalesOrg"/>, so a team's
/// figure includes its sub-teams; owners not in the organisation are grouped under
/// <see cref="BreakdownKeys.Unassigned"/>; owners at company level count in no team.</item>
/// <item><see cref="Source"/>: the lead source code, or <see cref="BreakdownKeys.None"/>.</item>
/// <item><see cref="Product"/>: the product, or <see cref="BreakdownKeys.None"/>.</item>
/// <item><see cref="Customer"/>: the customer's account id (<see cref="SalesPipeline.Customer.AccountId"/>), or
/// <see cref="BreakdownKeys.None"/> for a deal without a customer and for every lead (a lead names no account).</item>
/// </list>
/// </remarks>
public enum Breakdown
{
    /// <summary>By the deal's owner.</summary>
    Owner = 1,

    /// <summary>By every team on the owner's path (teams include their sub-teams).</summary>
    Team = 2,

    /// <summary>By lead source.</summary>
    Source = 3,

    /// <summary>By product.</summary>
    Product = 4,

    /// <summary>By the customer's account id.</summary>
    Customer = 5,
}
