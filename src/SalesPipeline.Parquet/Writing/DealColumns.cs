using System.Collections.Generic;
using SalesPipeline.Deals;

namespace SalesPipeline.Parquet.Writing;

// The deals table: the canonical deals.csv columns (docs/csv.md), typed (docs/parquet.md).
internal static class DealColumns
{
    // Money amounts: 18 decimals and 20 digits before the point hold every amount up to Currency.MaxAmount (10^18 minor
    // units, at most 19 digits) with any decimals an export writes.
    internal const int AmountPrecision = 38,
        AmountScale = 18;

    // Probabilities: every decimal in [0, 1], to the 28 decimals a decimal has.
    internal const int ProbabilityPrecision = 29,
        ProbabilityScale = 28;

    internal static IReadOnlyList<Column<Deal>> Create() =>
        [
            Columns.Text<Deal>("deal_id", false, d => d.Id.Value),
            Columns.Text<Deal>("name", false, d => d.Name),
            Columns.Text<Deal>("owner", true, d => d.Owner),
            Columns.Decimal<Deal>("amount", false, AmountPrecision, AmountScale, d => d.Amount.Amount),
            Columns.Text<Deal>("currency", false, d => d.Amount.Currency.Code),
            Columns.Text<Deal>("stage", false, d => d.StageId),
            Columns.Text<Deal>("status", false, d => Codes.Status(d.Status)),
            Columns.Instant<Deal>("created_at", false, d => d.CreatedAt),
            Columns.Date<Deal>("expected_close", false, d => d.ExpectedClose),
            Columns.Instant<Deal>("closed_at", true, d => d.ClosedAt),
            Columns.Text<Deal>("loss_reason", true, d => d.LossReason?.Code),
            Columns.Text<Deal>("competitor", true, d => d.Competitor),
            Columns.Text<Deal>("source", true, d => d.Source?.Code),
            Columns.Text<Deal>("product", true, d => d.Product),
            Columns.Text<Deal>("lead_id", true, d => d.LeadId?.Value),
            Columns.Decimal<Deal>(
                "probability",
                true,
                ProbabilityPrecision,
                ProbabilityScale,
                d => d.IsClosed ? null : d.ProbabilityOverride
            ),
            Columns.Text<Deal>("category", true, d => !d.IsClosed && d.CategoryOverride is { } c ? Codes.Category(c) : null),
            Columns.Instant<Deal>("stage_entered_at", true, StageEnteredAt),
            Columns.Text<Deal>("customer_id", true, d => d.Customer?.AccountId),
            Columns.Text<Deal>("customer_name", true, d => d.Customer?.Name),
            Columns.Text<Deal>("team", true, d => d.Team),
            Columns.Text<Deal>("stop_reason", true, d => d.StopReason?.Code),
            Columns.Instant<Deal>("stopped_at", true, d => d.StoppedAt),
            Columns.Instant<Deal>("in_pool_since", true, d => d.InPoolSince),
        ];

    // Overrides are written for open and stopped deals only, as docs/csv.md defines the columns: a closed deal keeps an
    // override it had, dormant (a won deal counts 1, a lost one 0) until it is reopened; a stopped deal's is in force
    // again when it resumes, so it is written, as its stage entry is (a stop keeps the deal's stage and its entry).

    // When an open or stopped deal entered its stage, if known: a deal imported without its stage-entry instant, and not
    // moved since, has none (its StageEnteredAt is the import's asOf, not a fact). A closed deal entered its stage at
    // closed_at.
    private static NodaTime.Instant? StageEnteredAt(Deal deal)
    {
        if (deal.IsClosed)
        {
            return null;
        }
        if (deal.Events[0] is DealImported { StageEntryKnown: false })
        {
            for (var i = 1; i < deal.Events.Count; i++)
            {
                if (deal.Events[i] is StageMoved or DealReopened or DealResumed)
                {
                    return deal.StageEnteredAt;
                }
            }
            return null;
        }
        return deal.StageEnteredAt;
    }
}
