using System;
using NodaTime;
using SalesPipeline.Organization;

namespace SalesPipeline.Metrics;

/// <summary>How <see cref="SalesVelocity.Of"/> reads the deals: currency conversion, the time zone of the window's days,
/// and the organisation for a breakdown by team.</summary>
/// <remarks>Immutable; thread-safe. <c>new VelocityOptions()</c> gives the defaults.</remarks>
public sealed record VelocityOptions
{
    /// <summary>The exchange rates to the reporting currency. When null, every won deal must be in the reporting currency
    /// (that of the first deal, for <see cref="SalesVelocity.Of"/>); another currency is an error naming it.</summary>
    public ExchangeRates? Rates { get; init; }

    /// <summary>The time zone in which the window's first and last days begin and end; UTC by default.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>The sales organisation, needed for <see cref="Breakdown.Team"/>.</summary>
    public SalesOrg? Organization { get; init; }

    /// <summary>The defaults: one currency, UTC, no organisation.</summary>
    public static VelocityOptions Default { get; } = new();

    internal void Check(string paramName)
    {
        if (Zone is null)
        {
            throw new ArgumentException("VelocityOptions.Zone must not be null; use DateTimeZone.Utc for UTC.", paramName);
        }
    }
}
