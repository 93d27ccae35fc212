namespace SalesPipeline.Activities;

/// <summary>What a rep did: the kinds of activity that activity reports count.</summary>
public enum ActivityKind
{
    /// <summary>A phone or video call.</summary>
    Call = 1,

    /// <summary>An email sent to the customer.</summary>
    Email = 2,

    /// <summary>A meeting with the customer.</summary>
    Meeting = 3,

    /// <summary>A product demonstration.</summary>
    Demo = 4,

    /// <summary>Anything else worth recording (a task, a note sent, a site visit).</summary>
    Other = 5,
}
