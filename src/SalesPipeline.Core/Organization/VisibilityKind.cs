namespace SalesPipeline.Organization;

/// <summary>How much of the organization's records a person may see.</summary>
public enum VisibilityKind
{
    /// <summary>Only records they own (a rep).</summary>
    Own = 0,

    /// <summary>
    /// Records owned by anyone in the subtrees of the teams they lead, records waiting in those teams' pools, and their
    /// own (a team lead).
    /// </summary>
    Teams = 1,

    /// <summary>Everything, including records whose owner is not in the organization and every pool (an admin).</summary>
    All = 2,
}
