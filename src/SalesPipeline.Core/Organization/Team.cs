namespace SalesPipeline.Organization;

/// <summary>A team in a <see cref="SalesOrg"/>: teams nest under a parent team or directly under the company.</summary>
/// <param name="Id">The stable id, for example "emea".</param>
/// <param name="Name">The display name, for example "EMEA Enterprise".</param>
/// <param name="ParentId">The parent team's id, or null for a team directly under the company.</param>
/// <param name="LeadId">The person who leads the team (and sees its whole subtree), if any.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record Team(string Id, string Name, string? ParentId, string? LeadId);
