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
        while (file.Read(errors, out var line))
        {
            StopIfAsked();
            foreach (var (error, raw) in file.Skipped)
            {
                // A malformed row (a file cut mid-row, say) still belongs to its deal, which cannot be imported without it.
                MarkBroken(DealIdOf(raw, file), error);
            }
            var reader = file.Reader;
            var row = new HistoryRow
            {
                Line = line,
                Raw = -1,
                Deal = -1,
                Next = -1,
            };
            if (!CheckUtf8(file, line))
            {
                MarkBroken(Text(file, HId), errors[^1]);
                row.Rejected = true;
                history.Add(row);
                continue;
            }
            var before = errors.Count;
            (current, currentLine, currentColumns) = (file, line, HistoryColumns);

            var id = Text(file, HId);
            DealRow? deal = null;
            if (id is null)
            {
                Bad(HId, "Every history row names its deal.");
            }
            else if (!dealById.TryGetValue(id, out row.Deal))
            {
                row.Deal = -1;
                Bad(HId, "No row of the deals file has this deal id.");
            }
            else if ((deal = deals[row.Deal]).Rejected)
            {
                Bad(HId, string.Create(CultureInfo.InvariantCulture, $"The deal's row (deals line {deal.Line}) is rejected."));
            }
            row.At = RequiredInstant(file, HAt, "Every history row has its instant.");
            var kindCell = Values.Trim(Cell(file, HKind));
            if (!kindCell.IsEmpty)
            {
                row.Kind = Kind(kindCell);
                if (row.Kind == HistoryKind.None)
                {
                    Bad(HKind, "The kind is created, moved, won, lost or reopened.");
                }
            }
            var from = Text(file, HFrom);
            if (from is not null && (row.From = StageOf(from)) is null)
            {
                Bad(HFrom, UnknownStage(from));
            }
            var to = Text(file, HTo);
            if (to is null)
            {
                Bad(HTo, "Every history row names the stage the deal entered.");
            }
            else if ((row.To = StageOf(to)!) is null)
            {
                Bad(HTo, UnknownStage(to));
            }
            row.By = Text(file, HBy);
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
                deal.HistoryCount++;
            }
            history.Add(row);
        }
        foreach (var (error, raw) in file.Skipped)
        {
            MarkBroken(DealIdOf(raw, file), error);
        }
        historyRowsRead = file.Rows;
        StopIfAsked();
    }

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
        : HistoryKind.None;

    // Orders each deal's history rows by instant (file order on ties), checks them and gives the record its entries.
    private void BuildHistories()
    {
        var order = new List<int>();
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
            OrderedHistory(deal, order);
            var rows = CollectionsMarshal.AsSpan(history);
            if (CheckHistory(deal, order) is { } error)
            {
                RejectAll(d, error);
                continue;
            }
            var entries = new StageEntry[order.Count];
            for (var i = 0; i < order.Count; i++)
            {
                ref readonly var row = ref rows[order[i]];
                entries[i] = new StageEntry(row.To.Id, row.At, row.By);
            }
            deal.Record = deal.Record! with { History = entries };
        }
    }

    // The deal's history rows that are stage entries, in time order: entry i of its record is row order[i]. A format whose
    // history rows record other changes too (Salesforce's amount and close date changes) leaves out the rows that keep the
    // stage the deal was in; they are accepted, as part of the deal, without being entries.
    private void OrderedHistory(DealRow deal, List<int> order)
    {
        SortHistory(deal, order);
        if (spec.HistorySkipsUnchangedStage)
        {
            var rows = CollectionsMarshal.AsSpan(history);
            var kept = 0;
            for (var i = 0; i < order.Count; i++)
            {
                if (kept == 0 || rows[order[i]].To != rows[order[kept - 1]].To)
                {
                    order[kept++] = order[i];
                }
            }
            order.RemoveRange(kept, order.Count - kept);
        }
    }

    // The deal's history rows in time order: entry i of its record is row order[i]. Insertion sort: histories are short
    // and usually in order already; stable, so rows at the same instant keep their file order.
    private void SortHistory(DealRow deal, List<int> order)
    {
        order.Clear();
        var rows = CollectionsMarshal.AsSpan(history);
        for (var h = deal.FirstHistory; h >= 0; h = rows[h].Next)
        {
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

    // The rules a history row is checked by before the import (which checks the rest): the kinds follow each other as
    // they can, from_stage is where the deal was, and a closing last row agrees with the deal's row. The first broken rule
    // is reported on its row; the rows after it cannot be judged without it.
    private CsvRowError? CheckHistory(DealRow deal, List<int> order)
    {
        var rows = CollectionsMarshal.AsSpan(history);
        var record = deal.Record!;
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
                if (record.Status != closes)
                {
                    (column, reason) = (
                        HistoryColumns[HTo],
                        $"The history ends with the deal {closes.ToString().ToLowerInvariant()}, but its row (deals line {deal.Line}) says it is {record.Status.ToString().ToLowerInvariant()}."
                    );
                }
                else if (record.ClosedAt != row.At && spec.CloseFromHistory)
                {
                    // The history's instant is the close; the row's Close Date is only its day.
                    deal.Record = record with
                    {
                        ClosedAt = row.At,
                    };
                }
                else if (record.ClosedAt != row.At)
                {
                    (column, reason) = (
                        HistoryColumns[HAt],
                        $"The deal was {closes.ToString().ToLowerInvariant()} at this instant by its history, but at {record.ClosedAt} by its row's closed_at (deals line {deal.Line})."
                    );
                }
            }
            if (reason is not null)
            {
                row.Rejected = true;
                var c = Array.IndexOf(HistoryColumns, column);
                var error = new CsvRowError(
                    HistoryFile,
                    row.Line,
                    historyFile!.Header[c] ?? column,
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
