namespace SalesPipeline.Quotes;

/// <summary>Where a quote is in its lifecycle.</summary>
/// <remarks>
/// Draft -> (submit) PendingApproval or, when nobody needs to approve, Approved -> (send) Sent -> Accepted or Declined.
/// A rejection returns a pending quote to Draft. <see cref="Expired"/> is never recorded: <see cref="Quote.StatusOn"/>
/// reports it for a quote not yet accepted or declined whose valid-until date has passed.
/// </remarks>
public enum QuoteStatus
{
    /// <summary>Being prepared; may be revised and submitted.</summary>
    Draft,

    /// <summary>Submitted, waiting for the approvals the policy requires.</summary>
    PendingApproval,

    /// <summary>Every required approval given (or none needed); may be sent.</summary>
    Approved,

    /// <summary>Sent to the customer, who may accept or decline it.</summary>
    Sent,

    /// <summary>Accepted by the customer (final).</summary>
    Accepted,

    /// <summary>Declined by the customer; may be revised into a new version.</summary>
    Declined,

    /// <summary>Past its valid-until date without being accepted or declined (as of a date; never recorded).</summary>
    Expired,
}
