using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CsvHelper;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Csv.Reading.CanonicalColumns;

namespace SalesPipeline.Csv.Reading;

internal sealed partial class ImportSession
{
    // Reads the history rows and links each to its deal's row, in one pass.
    private void ReadHistory(CsvFile file)
    {
        var bytes = 0L;
        while (file.Read(errors, out var line))
        {
            StopIfAsked();
            foreach (var (error, raw) in file.Skipped)
            {
                // A malformed row (a file cut mid-row, say) still belongs to its deal, which cannot be imported without it.
                MarkBroken(DealIdOf(raw, file), error);
            }
            var reader = file.Reader;
            bytes += reader.RawRecord.Length;
            var row = HistoryRow.OfLine(line);
            if (!CheckUtf8(file, line))
            {
                MarkBroken(Text(file, HId), errors[^1]);
                row.Rejected = true;
                history.Add(row);
                continue;
            }
            var before = errors.Count;
            (current, currentLine, currentColumns) = (file, line, HistoryColumns);

            var idCell = Cell(file, HId);
            DealRow? deal = null;
            if (IsBlank(idCell))
            {
                Bad(HId, "Every history row names its deal.");
            }
            else if (!TryGetDeal(file, idCell, out row.Deal))
            {
                row.Deal = -1;
                Bad(HId, "No row of the deals file has this deal id.");
            }
            else if ((deal = deals[row.Deal]).Rejected)
            {
                Bad(HId, string.Create(CultureInfo.InvariantCulture, $"The deal's row (deals line {deal.Line}) is rejected."));
            }
            ReadHistoryCells(file, ref row, deal);
            row.By = row.Kind == HistoryKind.Ignored ? null : Text(file, HBy);
            if (errors.Count > before)
            {
                row.Rejected = true;
                if (deal is { Rejected: false, BrokenHistory: null })
                {
                    // The deal cannot be imported without this row: its history would be silently short.
                    deal.BrokenHistory = errors[before];
                }
            }
            if (deal is not null)
            {
                row.Raw = historyRaw.Add(reader.RawRecord);
                if (deal.LastHistory >= 0)
                {
                    CollectionsMarshal.AsSpan(history)[deal.LastHistory].Next = history.Count;
                }
                else
                {
                    deal.FirstHistory = history.Count;
                }
                deal.LastHistory = history.Count;
            }
            history.Add(row);
            if (history.Count == SizingRows && file.EstimateRows(history.Count, bytes) is var estimate and > SizingRows)
            {
                history.EnsureCapacity(estimate);
                historyRaw.EnsureCapacity(estimate);
            }
        }
        foreach (var (error, raw) in file.Skipped)
        {
            MarkBroken(DealIdOf(raw, file), error);
        }
        historyRowsRead = file.Rows;
        StopIfAsked();
    }

    // The row of the deal a history row's (not blank) id cell names, found from the cell's bytes without making a string
    // where the runtime can (.NET 9 and later): the key is the text Text(HId) gives, decoded from the same bytes.
    private bool TryGetDeal(CsvFile file, ReadOnlySpan<byte> cell, out int d)
    {
#if NET9_0_OR_GREATER
        if (cell.Length <= MaxStackId)
        {
            Span<char> chars = stackalloc char[MaxStackId];
            var n = Encoding.UTF8.GetChars(cell, chars);
            return dealById.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out d);
        }
#endif
        // Text is null for a cell of white space alone, which no deal id is (the scan's lookup below finds none either).
        if (Text(file, HId) is { } id)
        {
            return dealById.TryGetValue(id, out d);
        }
        d = -1;
        return false;
    }

    // The same for an id cell kept by the scan (ImportSession.AtOnce.cs): the key is the cell's text, as above.
    private bool TryGetDeal(ReadOnlySpan<byte> cell, out int d)
    {
#if NET9_0_OR_GREATER
        if (cell.Length <= MaxStackId)
        {
            Span<char> chars = stackalloc char[MaxStackId];
            var n = Encoding.UTF8.GetChars(cell, chars);
            return dealById.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out d);
        }
#endif
        return dealById.TryGetValue(Encoding.UTF8.GetString(cell), out d);
    }

    private const int MaxStackId = 128;

    // Marks the deal of a history row that cannot be used: the deal is then rejected rather than imported with a history
    // that silently lacks the row.
    private void MarkBroken(string? id, CsvRowError error)
    {
        if (id is not null && dealById.TryGetValue(id, out var d) && deals[d] is { Rejected: false, BrokenHistory: null } deal)
        {
            deal.BrokenHistory = error;
        }
    }

    // The deal id of a malformed row, read from its raw text as well as it can be (deal_id is column 0 of both files).
    private static string? DealIdOf(string raw, CsvFile file)
    {
        using var reader = CsvReader.FromText(raw, new CsvReaderOptions { Separator = file.Separator, HasHeader = false });
        var id = reader.Read() && file.Index[DId] < reader.FieldCount ? reader.GetString(file.Index[DId]) : null;
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }

    private static HistoryKind Kind(ReadOnlySpan<byte> cell) =>
        Ascii.EqualsIgnoreCase(cell, "created"u8) ? HistoryKind.Created
        : Ascii.EqualsIgnoreCase(cell, "moved"u8) ? HistoryKind.Moved
        : Ascii.EqualsIgnoreCase(cell, "won"u8) ? HistoryKind.Won
        : Ascii.EqualsIgnoreCase(cell, "lost"u8) ? HistoryKind.Lost
        : Ascii.EqualsIgnoreCase(cell, "reopened"u8) ? HistoryKind.Reopened
        : Ascii.EqualsIgnoreCase(cell, "changed"u8) ? HistoryKind.Changed
        : HistoryKind.None;

    // Orders each deal's history rows by instant (file order on ties) and checks them. The record's stage entries and
    // field changes are not made here but right before Core's import (RecordOf), from the sorted rows kept in
    // sortedHistory and the rows marked as entries: made now, they would live until the end of the import.
    private void BuildHistories()
    {
        var order = new List<int>();
        var stages = new List<int>();
        sortedHistory = new int[history.Count];
        var next = 0;
        for (var d = 0; d < deals.Count; d++)
        {
            var deal = deals[d];
            if (deal.Rejected)
            {
                continue;
            }
            if (deal.BrokenHistory is { } broken)
            {
                RejectAll(d, broken);
                continue;
            }
            if (deal.FirstHistory < 0)
            {
                continue;
            }
            SortHistory(deal, order);
            Pick(order, stages, HistoryField.None);
            if ((DeriveCreatedStage(deal, stages) ?? CheckHistory(deal, stages)) is { } error)
            {
                RejectAll(d, error);
                continue;
            }
            var rows = CollectionsMarshal.AsSpan(history);
            foreach (var h in stages)
            {
                rows[h].Entry = true;
            }
            order.CopyTo(sortedHistory, next);
            (deal.SortedFrom, deal.SortedCount) = (next, order.Count);
            next += order.Count;
        }
    }

    // The rows of one kind from a deal's sorted rows: its stage entries (field None), or the changes of one field. A format
    // whose history rows record other changes too (Salesforce's Opportunity History rows for amount and close date edits)
    // leaves out the rows that keep the stage the deal was in: they are accepted, as part of the deal, without being entries.
    private void Pick(List<int> order, List<int> picked, HistoryField field)
    {
        picked.Clear();
        var rows = CollectionsMarshal.AsSpan(history);
        foreach (var h in order)
        {
            ref readonly var row = ref rows[h];
            if (field == HistoryField.None ? row.Kind != HistoryKind.Changed : row.Kind == HistoryKind.Changed && row.Field == field)
            {
                if (field == HistoryField.None && spec.HistorySkipsUnchangedStage && picked.Count > 0 && rows[picked[^1]].To == row.To)
                {
                    continue;
                }
                picked.Add(h);
            }
        }
    }

    // The deal's history rows but the ignored ones, in time order: entry i of its record is row order[i] of its stage rows.
    // Insertion sort: histories are short and usually in order already; stable, so rows at the same instant keep their
    // file order.
    private void SortHistory(DealRow deal, List<int> order)
    {
        order.Clear();
        var rows = CollectionsMarshal.AsSpan(history);
        for (var h = deal.FirstHistory; h >= 0; h = rows[h].Next)
        {
            if (rows[h].Kind == HistoryKind.Ignored)
            {
                continue;
            }
            var k = order.Count;
            order.Add(h);
            while (k > 0 && rows[order[k - 1]].At > rows[h].At)
            {
                order[k] = order[k - 1];
                k--;
            }
            order[k] = h;
        }
    }

    // A creation row that does not name its stage was in the stage its next stage change leaves (old_value or
    // from_stage), else, with no later stage change, in the stage an open deal is in now.
    private CsvRowError? DeriveCreatedStage(DealRow deal, List<int> stages)
    {
        var rows = CollectionsMarshal.AsSpan(history);
        for (var i = 0; i < stages.Count; i++)
        {
            ref var row = ref rows[stages[i]];
            if (row.Kind != HistoryKind.Created || row.To is not null)
            {
                continue;
            }
            row.Derived = true;
            var stage =
                i + 1 < stages.Count ? rows[stages[i + 1]].From
                : deal.Status == DealStatus.Open && pipeline.TryGetStage(deal.Stage.Id, out var now) ? now
                : null;
            if (stage is null)
            {
                row.Rejected = true;
                // On the to_stage cell that should say, or on the field cell when the file has no to_stage column.
                var column = historyFile!.Index[HTo] >= 0 ? HTo : HField;
                var error = new CsvRowError(
                    HistoryFile,
                    row.Line,
                    historyFile.Header[column],
                    CellText(historyRaw, row.Raw, historyFile, column),
                    i + 1 < stages.Count
                        ? "The stage the deal was created in is unknown: the next stage change does not say which stage it leaves; give to_stage."
                        : "The stage the deal was created in is unknown: the deal is closed and no later row changes its stage; give to_stage."
                );
                Fail(error);
                return error;
            }
            row.To = stage;
        }
        return null;
    }

    // The rules a history row is checked by before the import (which checks the rest): the kinds follow each other as
    // they can, from_stage is where the deal was, and a closing last row agrees with the deal's row. The first broken rule
    // is reported on its row; the rows after it cannot be judged without it.
    private CsvRowError? CheckHistory(DealRow deal, List<int> order)
    {
        var rows = CollectionsMarshal.AsSpan(history);
        Stage? previous = null;
        for (var i = 0; i < order.Count; i++)
        {
            ref var row = ref rows[order[i]];
            string? column = null;
            string? reason = null;
            if (row.Kind == HistoryKind.Created && i > 0)
            {
                (column, reason) = (
                    HistoryColumns[HKind],
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"A deal is created once, before the rest of its history; history line {rows[order[i - 1]].Line} is earlier."
                    )
                );
            }
            else if (row.Kind == HistoryKind.Created && row.From is not null)
            {
                (column, reason) = (HistoryColumns[HFrom], "A created row has no from_stage: the deal starts in to_stage.");
            }
            else if (row.From is not null && previous is not null && row.From != previous)
            {
                (column, reason) = (
                    HistoryColumns[HFrom],
                    $"The deal was in \"{previous.Id}\" before this row (history line {rows[order[i - 1]].Line}), not in this stage."
                );
            }
            else if (row.Kind == HistoryKind.Moved && (!row.To.IsOpen || previous is { IsOpen: false }))
            {
                (column, reason) = (
                    HistoryColumns[HTo],
                    "A move goes from an open stage to another open stage; use won, lost or reopened for the others."
                );
            }
            else if (row.Kind == HistoryKind.Reopened && (!row.To.IsOpen || previous is not { IsClosed: true }))
            {
                (column, reason) = (HistoryColumns[HTo], "Reopening takes a won or lost deal back into an open stage.");
            }
            else if (row.Kind == HistoryKind.Won && row.To.Kind != StageKind.Won)
            {
                (column, reason) = (HistoryColumns[HTo], $"A win enters the Won stage (\"{pipeline.WonStage.Id}\").");
            }
            else if (row.Kind == HistoryKind.Lost && row.To.Kind != StageKind.Lost)
            {
                (column, reason) = (HistoryColumns[HTo], $"A loss enters the Lost stage (\"{pipeline.LostStage.Id}\").");
            }
            else if (i == order.Count - 1 && row.To.IsClosed)
            {
                var closes = row.To.Kind == StageKind.Won ? DealStatus.Won : DealStatus.Lost;
                if (deal.Status != closes)
                {
                    (column, reason) = (
                        HistoryColumns[HTo],
                        $"The history ends with the deal {closes.ToString().ToLowerInvariant()}, but its row (deals line {deal.Line}) says it is {deal.Status.ToString().ToLowerInvariant()}."
                    );
                }
                else if (deal.ClosedAt != row.At && spec.CloseFromHistory)
                {
                    // The history's instant is the close; the row's Close Date is only its day.
                    deal.ClosedAt = row.At;
                }
                else if (deal.ClosedAt != row.At)
                {
                    (column, reason) = (
                        HistoryColumns[HAt],
                        $"The deal was {closes.ToString().ToLowerInvariant()} at this instant by its history, but at {deal.ClosedAt} by its row's closed_at (deals line {deal.Line})."
                    );
                }
            }
            if (reason is not null)
            {
                row.Rejected = true;
                var c = StageColumn(row, Array.IndexOf(HistoryColumns, column));
                var error = new CsvRowError(
                    HistoryFile,
                    row.Line,
                    historyFile!.Header[c] ?? HistoryColumns[c],
                    CellText(historyRaw, row.Raw, historyFile, c),
                    reason
                );
                Fail(error);
                return error;
            }
            previous = row.To;
        }
        return null;
    }
}
