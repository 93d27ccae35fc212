using System;
using SalesPipeline.Utility;

namespace SalesPipeline;

/// <summary>
/// The channel a lead came from, as a short code for conversion analysis by channel: one of the common ones
/// (<see cref="Campaign"/>, <see cref="Web"/>, <see cref="Phone"/>, <see cref="Referral"/>, <see cref="Import"/>,
/// <see cref="Event"/>, <see cref="Partner"/>, <see cref="Outbound"/>) or your own.
/// </summary>
/// <remarks>An immutable value; equality is ordinal on the code. Thread-safe.</remarks>
public sealed record LeadSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="code">A short code, for example "web" or "trade-show-2026"; surrounding whitespace is removed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty or whitespace.</exception>
    public LeadSource(string code) => Code = Preconditions.CheckNotBlank(code).Trim();

    /// <summary>The code.</summary>
    public string Code { get; }

    /// <summary>A marketing campaign.</summary>
    public static LeadSource Campaign { get; } = new("campaign");

    /// <summary>A web inquiry or form.</summary>
    public static LeadSource Web { get; } = new("web");

    /// <summary>An inbound phone call.</summary>
    public static LeadSource Phone { get; } = new("phone");

    /// <summary>A referral from a customer or contact.</summary>
    public static LeadSource Referral { get; } = new("referral");

    /// <summary>An imported list.</summary>
    public static LeadSource Import { get; } = new("import");

    /// <summary>An event or trade show.</summary>
    public static LeadSource Event { get; } = new("event");

    /// <summary>A partner or reseller.</summary>
    public static LeadSource Partner { get; } = new("partner");

    /// <summary>The rep's own prospecting.</summary>
    public static LeadSource Outbound { get; } = new("outbound");

    /// <summary>The code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
