using System.Globalization;
using SalesPipeline.Statistics;

namespace SalesPipeline.Metrics;

/// <summary>
/// Lead conversion of one group of leads: lead -> deal (converted / leads) and lead -> qualified (leads whose deal reached
/// the qualified stage / leads), with confidence intervals (Wilson by default; see <see cref="FunnelOptions.IntervalMethod"/>).
/// </summary>
/// <param name="Breakdown">The breakdown, or null for all leads.</param>
/// <param name="Key">The group's key (see <see cref="BreakdownKeys"/>), or "(all)".</param>
/// <param name="Leads">The leads in the group, whatever their status.</param>
/// <param name="Converted">Those with status Converted.</param>
/// <param name="Qualified">Converted leads with a deal (a deal whose <see cref="Deals.Deal.LeadId"/> is the lead) that reached the qualified stage.</param>
/// <param name="ToDeal">Converted out of Leads; null when the group has no leads.</param>
/// <param name="ToQualified">Qualified out of Leads; null when the group has no leads.</param>
/// <remarks>Qualified &lt;= Converted &lt;= Leads. Immutable; thread-safe.</remarks>
public sealed record LeadConversion(
    Breakdown? Breakdown,
    string Key,
    int Leads,
    int Converted,
    int Qualified,
    BinomialInterval? ToDeal,
    BinomialInterval? ToQualified
)
{
    /// <summary>"Source web: 10 leads, to deal 4/10 = 0.400, 95% [...], to qualified ...".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(Breakdown is { } b ? $"{b} {Key}" : "All leads")}: {Leads} leads, to deal {ToDeal?.ToString() ?? "-"}, to qualified {ToQualified?.ToString() ?? "-"}"
        );
}
