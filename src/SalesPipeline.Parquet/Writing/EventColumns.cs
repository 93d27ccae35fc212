using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Parquet.Writing;

// The events table: one row per DealEvent, every type's fields in one wide schema (docs/parquet.md, "events"); a column
// a type does not have is null in its rows.
internal static class EventColumns
{
    internal static IReadOnlyList<Column<DealEvent>> Create() =>
        [
            Columns.Text<DealEvent>("deal_id", false, e => e.DealId.Value),
            Columns.Instant<DealEvent>("at", false, e => e.At),
            Columns.Text<DealEvent>("by", false, e => e.By),
            Columns.Text<DealEvent>("kind", false, e => e.GetType().Name),
            Columns.Text<DealEvent>(
                "pipeline",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.Pipeline,
                        DealImported i => i.Pipeline,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>(
                "name",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.Name,
                        DealImported i => i.Name,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>(
                "owner",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.Owner,
                        DealImported i => i.Owner,
                        OwnerReassigned o => o.Owner,
                        _ => null,
                    }
            ),
            Columns.Decimal<DealEvent>("amount", true, DealColumns.AmountPrecision, DealColumns.AmountScale, e => Amount(e)?.Amount),
            Columns.Text<DealEvent>("amount_currency", true, e => Amount(e)?.Currency.Code),
            Columns.Date<DealEvent>(
                "expected_close",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.ExpectedClose,
                        DealImported i => i.ExpectedClose,
                        ExpectedCloseChanged x => x.ExpectedClose,
                        _ => (LocalDate?)null,
                    }
            ),
            Columns.Text<DealEvent>("from_stage", true, e => e is StageMoved m ? m.FromStageId : null),
            Columns.Text<DealEvent>(
                "to_stage",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.StageId,
                        DealImported i => i.StageId,
                        StageMoved m => m.ToStageId,
                        DealWon w => w.StageId,
                        DealLost l => l.StageId,
                        DealReopened r => r.StageId,
                        DealResumed r => r.StageId,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>("direction", true, e => e is StageMoved m ? Codes.Direction(m.Direction) : null),
            Columns.Long<DealEvent>("stages_skipped", true, e => e is StageMoved m ? m.StagesSkipped : null),
            Columns.Text<DealEvent>(
                "criterion_id",
                true,
                e =>
                    e switch
                    {
                        ExitCriterionAnswered a => a.CriterionId,
                        ExitCriterionWithdrawn w => w.CriterionId,
                        _ => null,
                    }
            ),
            Columns.Decimal<DealEvent>(
                "probability",
                true,
                DealColumns.ProbabilityPrecision,
                DealColumns.ProbabilityScale,
                e => e is ProbabilityOverridden p ? p.Probability : null
            ),
            Columns.Text<DealEvent>("probability_source", true, e => e is ProbabilityOverridden p ? Codes.Source(p.Source) : null),
            Columns.Text<DealEvent>("category", true, e => e is CategoryOverridden c ? Codes.Category(c.Category) : null),
            Columns.Text<DealEvent>("status", true, e => e is DealImported i ? Codes.Status(i.Status) : null),
            Columns.Instant<DealEvent>("created_at", true, e => e is DealImported i ? i.CreatedAt : null),
            Columns.Boolean<DealEvent>("stage_entry_known", true, e => e is DealImported i ? i.StageEntryKnown : null),
            Columns.Text<DealEvent>(
                "loss_reason",
                true,
                e =>
                    e switch
                    {
                        DealLost l => l.Reason.Code,
                        DealImported i => i.LossReason?.Code,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>(
                "competitor",
                true,
                e =>
                    e switch
                    {
                        DealLost l => l.Competitor,
                        DealImported i => i.Competitor,
                        CompetitorNoted n => n.Competitor,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>(
                "lead_id",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.LeadId?.Value,
                        DealImported i => i.LeadId?.Value,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>(
                "source",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.Source?.Code,
                        DealImported i => i.Source?.Code,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>(
                "product",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.Product,
                        DealImported i => i.Product,
                        _ => null,
                    }
            ),
            Columns.Text<DealEvent>(
                "team",
                true,
                e =>
                    e switch
                    {
                        DealCreated c => c.Team,
                        DealImported i => i.Team,
                        DealAssignedToPool p => p.TeamId,
                        _ => null,
                    }
            ),
            Columns.Instant<DealEvent>("in_pool_since", true, e => e is DealImported i ? i.InPoolSince : null),
            Columns.Text<DealEvent>("customer_id", true, e => CustomerOf(e)?.AccountId),
            Columns.Text<DealEvent>("customer_name", true, e => CustomerOf(e)?.Name),
            Columns.Text<DealEvent>("stop_reason", true, e => e is DealStopped s ? s.Reason.Code : null),
            Columns.Text<DealEvent>("comment", true, e => e is CommentAdded c ? c.Text : null),
            Columns.Text<DealEvent>("activity_id", true, e => e is CommentAdded c ? c.ActivityId : null),
            Columns.Text<DealEvent>("cause", true, e => e.Cause),
        ];

    private static Customer? CustomerOf(DealEvent e) =>
        e switch
        {
            DealCreated c => c.Customer,
            DealImported i => i.Customer,
            CustomerChanged c => c.Customer,
            _ => null,
        };

    private static Money? Amount(DealEvent e) =>
        e switch
        {
            DealCreated c => c.Amount,
            DealImported i => i.Amount,
            AmountChanged a => a.Amount,
            _ => null,
        };
}
