using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Csv.Reading;

internal sealed partial class ImportSession
{
    // Each checked deal's history rows but the ignored ones, in time order (a deal's are at DealRow.SortedFrom, for
    // DealRow.SortedCount); HistoryRow.Entry marks the ones that are stage entries.
    private int[] sortedHistory = [];

    // The record Core imports for an accepted deal row: what the row says, with the deal's history and field changes and
    // its pool entry. Made only when the import takes it, so that it dies with the import's step rather than lives through
    // the whole import. Reads the session's rows without changing them: the parts of the import call it on several cores.
    private DealImport RecordOf(DealRow deal)
    {
        var details = deal.Details;
        var record = new DealImport
        {
            Id = new DealId(deal.Id),
            Name = details?.Name,
            Owner = deal.Owner,
            Team = deal.Team,
            Amount = deal.Amount,
            StageId = deal.Stage.Id,
            Status = deal.StopReason is null ? deal.Status : DealStatus.Stopped,
            StoppedAt = deal.StopReason is null ? null : deal.StoppedAt,
            StopReason = deal.StopReason,
            Customer = details?.Customer,
            CreatedAt = deal.CreatedAt,
            ExpectedClose = deal.ExpectedClose,
            ClosedAt = deal.ClosedAt,
            StageEnteredAt = details?.StageEnteredAt,
            LossReason = details?.LossReason,
            Competitor = details?.Competitor,
            Source = deal.Source,
            Product = deal.Product,
            LeadId = details?.LeadId,
            ProbabilityOverride = details?.ProbabilityOverride,
            CategoryOverride = details?.CategoryOverride,
            History = deal.FirstHistory >= 0 ? Entries(deal) : details?.History ?? [],
        };
        if (deal.FirstHistory >= 0 && record.History.Count < deal.SortedCount)
        {
            var sorted = sortedHistory.AsSpan(deal.SortedFrom, deal.SortedCount);
            record = record with
            {
                AmountChanges = Changes<Money>(sorted, HistoryField.Amount),
                ExpectedCloseChanges = Changes<NodaTime.LocalDate>(sorted, HistoryField.ExpectedClose),
                OwnerChanges = Changes<string>(sorted, HistoryField.Owner),
            };
        }
        // Pooled after a rep had it (an owner change, or a win or loss, needs one): since the latest instant known.
        return deal.Pooled && (record.OwnerChanges.Count > 0 || ClosesInHistory(record))
            ? record with
            {
                InPoolSince = PoolEntry(record),
            }
            : record;
    }

    // The deal's stage entries from its history rows (which replace any its deals row gives).
    private StageEntry[] Entries(DealRow deal)
    {
        var sorted = sortedHistory.AsSpan(deal.SortedFrom, deal.SortedCount);
        var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(history);
        var count = 0;
        foreach (var h in sorted)
        {
            count += rows[h].Entry ? 1 : 0;
        }
        var entries = new StageEntry[count];
        count = 0;
        foreach (var h in sorted)
        {
            if (rows[h].Entry)
            {
                ref readonly var row = ref rows[h];
                entries[count++] = new StageEntry(row.To.Id, row.At, row.By);
            }
        }
        return entries;
    }

    private bool ClosesInHistory(DealImport record)
    {
        foreach (var entry in record.History)
        {
            if (pipeline.TryGetStage(entry.StageId, out var stage) && stage.IsClosed)
            {
                return true;
            }
        }
        return false;
    }

    // The changes of one field among a deal's sorted rows, in their order.
    private FieldChange<T>[] Changes<T>(ReadOnlySpan<int> sorted, HistoryField field)
    {
        var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(history);
        var count = 0;
        foreach (var h in sorted)
        {
            count += IsChange(rows[h], field) ? 1 : 0;
        }
        var changes = new FieldChange<T>[count];
        count = 0;
        foreach (var h in sorted)
        {
            ref readonly var row = ref rows[h];
            if (IsChange(row, field))
            {
                var (old, @new) = changeValues[row.Change];
                changes[count++] = new FieldChange<T>(row.At, (T)old, (T)@new, row.By);
            }
        }
        return changes;
    }

    private static bool IsChange(in HistoryRow row, HistoryField field) => row.Kind == HistoryKind.Changed && row.Field == field;
}
