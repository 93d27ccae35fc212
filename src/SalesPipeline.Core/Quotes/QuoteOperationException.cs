using System;

namespace SalesPipeline.Quotes;

/// <summary>
/// Thrown when a quote command is not allowed in the quote's state (sending a quote that is not approved, approving it
/// without being entitled to, accepting it after it expired, ...). The quote is unchanged.
/// </summary>
/// <remarks>Instances are immutable after construction.</remarks>
public sealed class QuoteOperationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="quoteId">The quote.</param>
    /// <param name="version">The quote's version.</param>
    /// <param name="reason">A plain sentence saying what was refused and why.</param>
    public QuoteOperationException(string quoteId, int version, string reason)
        : base($"Quote {quoteId} v{version}: {reason}")
    {
        QuoteId = quoteId;
        Version = version;
        Reason = reason;
    }

    /// <summary>The quote.</summary>
    public string QuoteId { get; }

    /// <summary>The quote's version.</summary>
    public int Version { get; }

    /// <summary>What was refused and why.</summary>
    public string Reason { get; }
}
