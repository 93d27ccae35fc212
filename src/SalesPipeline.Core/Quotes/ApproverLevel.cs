namespace SalesPipeline.Quotes;

/// <summary>
/// Who must approve a quote. When several hierarchical rules trigger, the strictest wins (Nobody &lt; Manager &lt;
/// NextLevelUp); each role named by a triggered rule needs its own approval besides (<see cref="ApprovalDecision"/>).
/// </summary>
public enum ApproverLevel
{
    /// <summary>Nobody: the rule is noted on the decision, but the quote needs no approval for it.</summary>
    Nobody = 0,

    /// <summary>The rep's manager (<c>SalesOrg.ManagerOf</c>), or anyone above them.</summary>
    Manager = 1,

    /// <summary>The manager's manager (the second person of <c>SalesOrg.ManagersAbove</c>), or anyone above them.</summary>
    NextLevelUp = 2,

    /// <summary>A person holding a named role (<c>SalesOrg.PeopleInRole</c>), for example "deal-desk" or "cfo".</summary>
    Role = 3,
}
