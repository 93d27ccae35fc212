namespace SalesPipeline.Leads;

/// <summary>Where a lead stands.</summary>
public enum LeadStatus
{
    /// <summary>Nobody has acted on it yet (unprocessed).</summary>
    New = 0,

    /// <summary>A rep has touched it and is working it.</summary>
    Working = 1,

    /// <summary>Converted into a deal (terminal).</summary>
    Converted = 2,

    /// <summary>Disqualified, with a reason (terminal).</summary>
    Disqualified = 3,
}
