namespace SalesPipeline.Organization;

/// <summary>A person in a <see cref="SalesOrg"/>: a rep in a team, or an admin who sees everything.</summary>
/// <param name="Id">The stable id deals and leads use as their owner, for example "alice".</param>
/// <param name="Name">The display name.</param>
/// <param name="TeamId">The team the person belongs to, or null for a person at company level (an admin).</param>
/// <param name="IsAdmin">Whether the person sees every deal and lead.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SalesPerson(string Id, string Name, string? TeamId, bool IsAdmin);
