using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using static SalesPipeline.Csv.Reading.CanonicalColumns;

namespace SalesPipeline.Csv.Reading;

// Both files read at once, on two threads: this session reads the deals file while a second one, the scan, reads the
// history file. A history row's deal is only known once the deals file is read, so the scan reads every cell but those
// that need the deal, and keeps in order what the one-thread reader would have done with the deal: the errors of the
// row (they come after the deal id's), the malformed rows' ids, the amounts whose currency is the deal's. Once both
// files are read, LinkHistory replays the rows in file order with their deals: the same rows, links, errors in the same
// order, and, with StopAtFirstError, the same first error (the deals file's first, as the scan throws none of its own).
internal sealed partial class ImportSession
{
    // A scan (the history file's reader while the deals file is read): collects errors rather than throwing them, and
    // leaves an amount without currency code pending until its deal's currency is known.
    private bool scanning;

    // Set to end a scan whose results will not be used (the deals file failed).
    private volatile bool abandoned;

    // The scan's deal ids, by run: rows with one id, next to each other but for rows without an id (a deal's rows, in
    // the files of most exports and of gen_pipeline.py). A row's HistoryRow.Deal is its run's index (-1: a blank id); a
    // run's rows are chained through HistoryRow.Next (the first and the last), so that the linking looks an id
    // up once per run and appends the run's rows to its deal's at once: no string or dictionary per id. Then the
    // malformed rows (the row they came before, the deal id they name); the rows that are not valid UTF-8, by row, with
    // the deal id they name; the pending amounts, in row and error order; and where the errors of each row with errors
    // are (ScanMark).
    private readonly RowStore runIds = new();
    private readonly List<(int First, int Last)> runs = [];
    private readonly List<(int Row, string? Id, CsvRowError Error)> scannedSkipped = [];
    private readonly Dictionary<int, string?> scannedBroken = [];
    private readonly List<PendingAmount> pendingAmounts = [];
    private readonly List<ScanMark> scanMarks = [];

    // An amount of a change row read without its currency (no ISO code before it): At is where its error, if any, goes
    // in the scan's errors; New: the new value, else the old.
    private sealed record PendingAmount(int Row, int At, int Column, bool New, decimal Value, string? Raw);

    // The errors of the Read that returned Row (or that ended the file, Row = the row count) are the scan's errors from
    // the previous mark's RowEnd to ReadEnd; those of the row itself from ReadEnd to RowEnd.
    private readonly record struct ScanMark(int Row, int ReadEnd, int RowEnd);

    // Whether the two files are read at once: on more than one core, and only from streams that share no state (two
    // files, two buffers); two entries of one zip archive, say, read the same stream and must not be read from two threads.
    // Seekable only: a pipe's reader could wait for its writer after the deals file failed, when the call should return.
    private bool ReadsAtOnce(Stream deals, Stream history) =>
        atOnce
        ?? (
            Environment.ProcessorCount > 1
            && !ReferenceEquals(deals, history)
            && deals is FileStream or MemoryStream
            && history is FileStream or MemoryStream
            && deals.CanSeek
            && history.CanSeek
        );

    private void ReadAtOnce(Stream deals, Stream historyStream)
    {
        // Every progress report on the calling thread: the history file's are queued by the scan and passed on after each of
        // the deals file's, the rest once the history file is read; dropped with it when the deals file fails.
        var queued = options.Progress is null ? null : new QueuedProgress();
        var relay = options.Progress is { } progress ? new RelayedProgress(progress, queued!) : null;
        var scan = new ImportSession(pipeline, options with { Progress = queued }, atOnce) { scanning = true };
        var reading = Task.Factory.StartNew(
            () =>
            {
                using (scan.historyFile = scan.OpenHistory(historyStream))
                {
                    scan.ScanHistory(scan.historyFile);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );
        try
        {
            ReadDealsFile(deals, options with { Progress = relay });
        }
        catch
        {
            // The one-thread reader would not have read the history file: its outcome is dropped, once it stopped reading
            // the stream (which the caller disposes).
            scan.abandoned = true;
            ((IAsyncResult)reading).AsyncWaitHandle.WaitOne();
            _ = reading.Exception;
            throw;
        }
        // The history file's own exception (its header refused, the stream failing), as the one-thread reader would meet it;
        // but with StopAtFirstError, an error in the rows read before the stream failed, which only the linking finds (an
        // unknown deal id), is what the one-thread reader stops at first, never reading on to the failure.
        try
        {
            reading.GetAwaiter().GetResult();
        }
        catch when (options.StopAtFirstError && scan.historyFile is not null)
        {
            LinkHistory(scan); // throws the first error of the rows read before the failure, if there is one
            throw;
        }
        relay?.Pass();
        LinkHistory(scan);
    }

    // The history file's progress reports, queued on the scan's thread.
    private sealed class QueuedProgress : IProgress<CsvProgress>
    {
        internal ConcurrentQueue<CsvProgress> Reports { get; } = new();

        public void Report(CsvProgress value) => Reports.Enqueue(value);
    }

    // The deals file's progress reports, each followed by the history file's queued since.
    private sealed class RelayedProgress(IProgress<CsvProgress> target, QueuedProgress history) : IProgress<CsvProgress>
    {
        public void Report(CsvProgress value)
        {
            target.Report(value);
            Pass();
        }

        internal void Pass()
        {
            while (history.Reports.TryDequeue(out var report))
            {
                target.Report(report);
            }
        }
    }

    // Reads the history rows as ReadHistory does, but for what needs their deals (see the type's comment).
    private void ScanHistory(CsvFile file)
    {
        var bytes = 0L;
        var rowEnd = 0;
        while (!abandoned && file.Read(errors, out var line))
        {
            var r = history.Count;
            var readEnd = errors.Count;
            foreach (var (error, raw) in file.Skipped)
            {
                scannedSkipped.Add((r, DealIdOf(raw, file), error));
            }
            var reader = file.Reader;
            bytes += reader.RawRecord.Length;
            var row = HistoryRow.OfLine(line);
            if (!CheckUtf8(file, line))
            {
                scannedBroken.Add(r, Text(file, HId));
                row.Rejected = true;
            }
            else
            {
                (current, currentLine, currentColumns) = (file, line, HistoryColumns);
                var idCell = Cell(file, HId);
                if (IsBlank(idCell))
                {
                    Bad(HId, "Every history row names its deal.");
                }
                else
                {
                    row.Deal = RunOf(idCell, r);
                }
                ReadHistoryCells(file, ref row, null);
                row.By = row.Kind == HistoryKind.Ignored ? null : Text(file, HBy);
                row.Raw = historyRaw.Add(reader.RawRecord);
            }
            history.Add(row);
            if (errors.Count > rowEnd)
            {
                scanMarks.Add(new ScanMark(r, readEnd, rowEnd = errors.Count));
            }
            if (history.Count == SizingRows && file.EstimateRows(history.Count, bytes) is var estimate and > SizingRows)
            {
                history.EnsureCapacity(estimate);
                historyRaw.EnsureCapacity(estimate);
            }
            // With StopAtFirstError the scan ends at the first row with an error (a malformed row's is among them), as the
            // one-thread reader would: the linking replays the rows up to it and throws the same first error, and the rest
            // of the file is never read.
            if (options.StopAtFirstError && errors.Count > 0)
            {
                historyRowsRead = file.Rows;
                return;
            }
        }
        foreach (var (error, raw) in file.Skipped)
        {
            scannedSkipped.Add((history.Count, DealIdOf(raw, file), error));
        }
        if (errors.Count > rowEnd)
        {
            scanMarks.Add(new ScanMark(history.Count, errors.Count, errors.Count));
        }
        historyRowsRead = file.Rows;
    }

    // A scanned amount whose currency is its deal's: resolved by LinkHistory.
    private PendingAmount Pending(int column, decimal value)
    {
        var pending = new PendingAmount(history.Count, errors.Count, column, column == HNew, value, Raw(current!, column));
        pendingAmounts.Add(pending);
        return pending;
    }

    // The scanned rows with their deals, in file order, as ReadHistory would have read them (see the type's comment).
    private void LinkHistory(ImportSession scan)
    {
        (historyFile, history, historyRaw, ignoredLabels, changeValues, historyRowsRead) = (
            scan.historyFile,
            scan.history,
            scan.historyRaw,
            scan.ignoredLabels,
            scan.changeValues,
            scan.historyRowsRead
        );
        var scanned = scan.errors;
        var rows = CollectionsMarshal.AsSpan(history);
        // Each run's deal, and the run's rows appended to the deal's (those of an unknown id stay chained, never walked).
        var dealOf = new int[scan.runs.Count];
        for (var k = 0; k < dealOf.Length; k++)
        {
            if (!TryGetDeal(scan.runIds[k], out dealOf[k]))
            {
                dealOf[k] = -1;
                continue;
            }
            var deal = deals[dealOf[k]];
            var (first, last) = scan.runs[k];
            if (deal.LastHistory >= 0)
            {
                rows[deal.LastHistory].Next = first;
            }
            else
            {
                deal.FirstHistory = first;
            }
            deal.LastHistory = last;
        }
        var (next, mark, skipped, pending) = (0, 0, 0, 0);
        for (var r = 0; r <= rows.Length; r++)
        {
            var marked = mark < scan.scanMarks.Count && scan.scanMarks[mark].Row == r;
            var (readEnd, rowEnd) = marked ? (scan.scanMarks[mark].ReadEnd, scan.scanMarks[mark++].RowEnd) : (next, next);
            // The errors the file's reader added before returning the row (malformed rows, lines after a footer).
            for (; next < readEnd; next++)
            {
                errors.Add(scanned[next]);
            }
            StopIfAsked();
            for (; skipped < scan.scannedSkipped.Count && scan.scannedSkipped[skipped].Row == r; skipped++)
            {
                MarkBroken(scan.scannedSkipped[skipped].Id, scan.scannedSkipped[skipped].Error);
            }
            if (r == rows.Length)
            {
                break;
            }
            ref var row = ref rows[r];
            if (scan.scannedBroken.TryGetValue(r, out var brokenId))
            {
                Fail(scanned[next++]);
                MarkBroken(brokenId, errors[^1]);
                continue;
            }
            var before = errors.Count;
            var deal = LinkDeal(scan, dealOf, ref row);
            var amounts = (Old: (object?)null, New: (object?)null);
            for (; ; next++)
            {
                for (
                    ;
                    pending < scan.pendingAmounts.Count && scan.pendingAmounts[pending] is var p && p.Row == r && p.At == next;
                    pending++
                )
                {
                    var amount = Resolve(p, row.Line, deal);
                    amounts = p.New ? (amounts.Old, amount) : (amount, amounts.New);
                }
                if (next == rowEnd)
                {
                    break;
                }
                Fail(scanned[next]);
            }
            if (row.Kind == HistoryKind.Changed && row.Change >= 0)
            {
                var (old, @new) = changeValues[row.Change];
                (old, @new) = (old is PendingAmount ? amounts.Old : old, @new is PendingAmount ? amounts.New : @new);
                if (old is null || @new is null)
                {
                    row.Change = -1;
                }
                else
                {
                    changeValues[row.Change] = (old, @new);
                }
            }
            if (errors.Count > before)
            {
                row.Rejected = true;
                if (deal is { Rejected: false, BrokenHistory: null })
                {
                    // The deal cannot be imported without this row: its history would be silently short.
                    deal.BrokenHistory = errors[before];
                }
            }
        }
    }

    // The deal of a scanned row (its id's index in row.Deal), with the row's first errors when it has none.
    private DealRow? LinkDeal(ImportSession scan, int[] dealOf, ref HistoryRow row)
    {
        if (row.Deal < 0)
        {
            return null; // a blank id, reported by the scan
        }
        var run = row.Deal;
        row.Deal = dealOf[run];
        if (row.Deal < 0)
        {
            Fail(IdError(row.Line, scan.runIds[run], "No row of the deals file has this deal id."));
            return null;
        }
        var deal = deals[row.Deal];
        if (deal.Rejected)
        {
            Fail(
                IdError(
                    row.Line,
                    scan.runIds[run],
                    string.Create(CultureInfo.InvariantCulture, $"The deal's row (deals line {deal.Line}) is rejected.")
                )
            );
        }
        return deal;
    }

    // The run of row r, whose deal id cell is not blank: the last run when the row has its id, else a new one.
    private int RunOf(ReadOnlySpan<byte> cell, int r)
    {
        if (runs.Count > 0 && cell.SequenceEqual(runIds[runs.Count - 1]))
        {
            var (first, last) = runs[^1];
            CollectionsMarshal.AsSpan(history)[last].Next = r;
            runs[^1] = (first, r);
        }
        else
        {
            runIds.Add(cell);
            runs.Add((r, r));
        }
        return runs.Count - 1;
    }

    private CsvRowError IdError(long line, ReadOnlySpan<byte> id, string reason) =>
        new(HistoryFile, line, historyFile!.Header[HId] ?? HistoryColumns[HId], Encoding.UTF8.GetString(id), reason);

    // A pending amount in its deal's currency, as AmountValue gives it: none (no error) when the deal's row is rejected
    // or unknown, an error past the currency's largest amount.
    private Money? Resolve(PendingAmount amount, long line, DealRow? deal)
    {
        if (deal is not { Accepted: true })
        {
            return null;
        }
        var currency = deal.Amount.Currency;
        if (Math.Abs(amount.Value) > currency.MaxAmount)
        {
            Fail(
                new CsvRowError(
                    HistoryFile,
                    line,
                    historyFile!.Header[amount.Column] ?? HistoryColumns[amount.Column],
                    amount.Raw,
                    string.Create(CultureInfo.InvariantCulture, $"An amount in {currency.Code} is at most {currency.MaxAmount} either way.")
                )
            );
            return null;
        }
        return Money.Of(amount.Value, currency);
    }
}
