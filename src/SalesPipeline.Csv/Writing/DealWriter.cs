using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Writing;

// Writes deals in the canonical format (docs/csv.md, "Writing deals"): deals.csv as each deal stands, history.csv with
// one row per stage entered whose instant is known and per change of the amount, close date or owner Read takes back.
// UTF-8 without a byte order mark, comma-separated, LF line ends, fields quoted as RFC 4180 says when they hold a comma,
// a quote, a line break or surrounding white space.
internal sealed class DealWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly TextWriter deals;
    private readonly TextWriter? history;
    private readonly List<StageRow> stageRows = [];
    private readonly List<ChangeRow> changeRows = [];

    private const int AmountField = 0,
        CloseField = 1,
        OwnerField = 2;

    // A stage row of history.csv: the entry of event Event; From is null on a deal's first row.
    private readonly record struct StageRow(int Event, Instant At, string Kind, string? From, string To, string By);

    // A changed row: Field indexes CanonicalColumns.FieldNames; Old and New are the cells as written.
    private record struct ChangeRow(int Event, Instant At, int Field, string Old, string New, string By)
    {
        public bool Written { get; set; }
    }

    internal DealWriter(Stream dealsDestination, Stream? historyDestination)
    {
        deals = new StreamWriter(dealsDestination, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        history = historyDestination is null
            ? null
            : new StreamWriter(historyDestination, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        deals.WriteLine(string.Join(',', CanonicalColumns.DealColumns));
        history?.WriteLine(string.Join(',', CanonicalColumns.HistoryColumns));
    }

    internal void Write(Deal deal)
    {
        var entryKnown = WriteHistory(deal);
        Text(deal.Id.Value);
        Text(deal.Name);
        Text(deal.Owner); // blank while the deal waits in a pool
        Value(deal.Amount.Amount.ToString(CultureInfo.InvariantCulture));
        Value(deal.Amount.Currency.Code);
        Text(deal.StageId);
        Value(Status(deal.Status));
        Value(Format(deal.CreatedAt));
        Value(Date(deal.ExpectedClose));
        Value(deal.ClosedAt is { } closed ? Format(closed) : null);
        Text(deal.LossReason?.Code);
        Text(deal.Competitor);
        Text(deal.Source?.Code);
        Text(deal.Product);
        Text(deal.LeadId?.Value);
        // A closed deal keeps an override it had, dormant until it is reopened; the format has overrides of open and
        // stopped deals only (a stopped deal's is in force again when it resumes).
        Value(!deal.IsClosed ? deal.ProbabilityOverride?.ToString(CultureInfo.InvariantCulture) : null);
        Value(!deal.IsClosed && deal.CategoryOverride is { } category ? Category(category) : null);
        // With a history file the history says when the deal entered its stage; without one, this column does.
        Value(history is null && !deal.IsClosed && entryKnown ? Format(deal.StageEnteredAt) : null);
        Text(deal.Customer?.AccountId);
        Text(deal.Customer?.Name);
        // The team of a deal waiting in a pool; an owned deal's team (the pool a rep took it from) is not a column.
        Text(deal.Owner is null ? deal.Team : null);
        Text(deal.StopReason?.Code);
        Value(deal.StoppedAt is { } stopped ? Format(stopped) : null, last: true);
    }

    // The deal's history rows in its event order: a stage row per stage entry with a known instant, and a changed row per
    // change of the amount, expected close date or owner that Read gives back in place (docs/csv.md, "Writing deals");
    // returns whether its current stage's entry is known.
    private bool WriteHistory(Deal deal)
    {
        StageRows(deal);
        if (history is null)
        {
            return stageRows.Count > 0;
        }
        ChangeRows(deal);
        var (s, c) = (0, 0);
        while (s < stageRows.Count || c < changeRows.Count)
        {
            if (c == changeRows.Count || (s < stageRows.Count && stageRows[s].Event < changeRows[c].Event))
            {
                var row = stageRows[s++];
                WriteRow(deal.Id, row.At, row.Kind, row.From is null ? "" : Quote(row.From), Quote(row.To), row.By, "", "", "");
            }
            else
            {
                var change = changeRows[c++];
                if (change.Written)
                {
                    WriteRow(
                        deal.Id,
                        change.At,
                        "changed",
                        "",
                        "",
                        change.By,
                        CanonicalColumns.FieldNames[change.Field],
                        change.Old,
                        change.New
                    );
                }
            }
        }
        return stageRows.Count > 0;
    }

    // The stage entries with a known instant, in event order.
    private void StageRows(Deal deal)
    {
        stageRows.Clear();
        string? stage = null;
        var events = deal.Events;
        for (var n = 0; n < events.Count; n++)
        {
            var e = events[n];
            if (e is DealImported { StageEntryKnown: false } unobserved)
            {
                // Where the deal was when first observed, but not since when: no row, and the next row moves from here.
                stage = unobserved.StageId;
                continue;
            }
            var (kind, to) = e switch
            {
                DealCreated c => ("created", c.StageId),
                DealImported i => (
                    i.Status switch
                    {
                        DealStatus.Won => "won",
                        DealStatus.Lost => "lost",
                        _ => i.At == i.CreatedAt ? "created" : "moved",
                    },
                    i.StageId
                ),
                StageMoved m => ("moved", m.ToStageId),
                DealWon w => ("won", w.StageId),
                DealLost l => ("lost", l.StageId),
                DealReopened r => ("reopened", r.StageId),
                // Resumed in another stage than it stopped in: a stage move (the stop itself is on the deal row).
                DealResumed r when r.StageId != stage => ("moved", r.StageId),
                _ => ((string?)null, (string?)null),
            };
            if (to is null)
            {
                continue;
            }
            stageRows.Add(new StageRow(n, e.At, kind!, e is DealCreated or DealImported ? null : stage, to, e.By));
            stage = to;
        }
    }

    // The changes of the amount, expected close date and owner with their values before and after, in event order, each
    // marked whether it is written. Read takes a deal's history from its first stage row on, and at one instant puts
    // the first observation first, then reopenings, then the changes, then the other stage rows (Core's import rules,
    // docs/pipelines-and-deals.md "Imported deals"). A change it could not take so is left out with every earlier change
    // of its field, so that the rows written still chain to the deal's current value: a change before the first stage
    // row (an imported deal first seen without its entry instant has no row for that observation), any change of a deal
    // without stage rows, and an amount or close-date change at an instant where Read has the deal won or lost (the
    // instant of a first row that closes it). A change to the value the field already had is not written either: Read
    // refuses it, and it changes nothing.
    private void ChangeRows(Deal deal)
    {
        changeRows.Clear();
        Money amount = null!;
        LocalDate close = default;
        string? owner = null;
        var ownerRowsFrom = 0;
        stoppedAt = deal.Status == DealStatus.Stopped ? deal.StoppedAt : null;
        var currency = deal.Amount.Currency;
        var events = deal.Events;
        for (var n = 0; n < events.Count; n++)
        {
            switch (events[n])
            {
                case DealCreated c:
                    (amount, close, owner) = (c.Amount, c.ExpectedClose, c.Owner);
                    break;
                case DealImported i:
                    (amount, close, owner) = (i.Amount, i.ExpectedClose, i.Owner);
                    break;
                case AmountChanged a:
                    if (!a.Amount.Equals(amount))
                    {
                        changeRows.Add(new ChangeRow(n, a.At, AmountField, Amount(amount, currency), Amount(a.Amount, currency), a.By));
                    }
                    amount = a.Amount;
                    break;
                case ExpectedCloseChanged d:
                    if (d.ExpectedClose != close)
                    {
                        changeRows.Add(new ChangeRow(n, d.At, CloseField, Date(close), Date(d.ExpectedClose), d.By));
                    }
                    close = d.ExpectedClose;
                    break;
                case OwnerReassigned o when owner is null:
                    // Given a rep from a pool: the format has no pool moves, so the owner rows start again here (the
                    // earlier ones would not chain to the rep; Read takes the first owner from the first row).
                    ownerRowsFrom = changeRows.Count;
                    owner = o.Owner;
                    break;
                case OwnerReassigned o:
                    if (!string.Equals(o.Owner, owner, StringComparison.Ordinal))
                    {
                        changeRows.Add(new ChangeRow(n, o.At, OwnerField, Quote(owner!), Quote(o.Owner), o.By));
                    }
                    owner = o.Owner;
                    break;
                case DealAssignedToPool:
                    owner = null;
                    break;
            }
        }
        Span<int> firstWritten = stackalloc int[3];
        // A deal waiting in a pool now has a blank owner cell, which no owner row can chain to: none is written.
        firstWritten[OwnerField] = deal.Owner is null ? changeRows.Count : ownerRowsFrom;
        for (var i = 0; i < changeRows.Count; i++)
        {
            if (!Readable(changeRows[i]))
            {
                firstWritten[changeRows[i].Field] = Math.Max(firstWritten[changeRows[i].Field], i + 1);
            }
        }
        var rows = CollectionsMarshal.AsSpan(changeRows);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Written = i >= firstWritten[rows[i].Field];
        }
    }

    // The stop of the deal being written, while it is stopped (ChangeRows sets it for Readable).
    private Instant? stoppedAt;

    // Whether Read takes the change where the deal had it: at or after the first stage row, not after the stop of a
    // stopped deal and, for the amount and close date, while the deal is open in Read's order of the rows at its instant.
    private bool Readable(in ChangeRow change)
    {
        // Read imports a stopped deal as it was when it stopped, then stops it: a later change is not in that import.
        if (stageRows.Count == 0 || change.At < stageRows[0].At || change.At > stoppedAt)
        {
            return false;
        }
        if (change.Field == OwnerField)
        {
            return true;
        }
        var k = 0;
        var open = true;
        while (k < stageRows.Count && stageRows[k].At < change.At)
        {
            open = Opens(stageRows[k++].Kind);
        }
        if (k == 0)
        {
            // The first observation is at this instant, and comes before everything else at it.
            open = Opens(stageRows[k++].Kind);
        }
        while (k < stageRows.Count && stageRows[k].At == change.At && stageRows[k].Kind == "reopened")
        {
            open = true;
            k++;
        }
        return open;
    }

    private static bool Opens(string kind) => kind is not ("won" or "lost");

    // A plain amount is in the currency of the deal's row; another currency goes before it with a space ("EUR 1200.50").
    private static string Amount(Money amount, Currency rowCurrency) =>
        ReferenceEquals(amount.Currency, rowCurrency)
            ? amount.Amount.ToString(CultureInfo.InvariantCulture)
            : amount.Currency.Code + " " + amount.Amount.ToString(CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private void WriteRow(DealId id, Instant at, string kind, string from, string to, string by, string field, string old, string @new)
    {
        var h = history!;
        h.Write(Quote(id.Value));
        h.Write(',');
        h.Write(Format(at));
        h.Write(',');
        h.Write(kind);
        h.Write(',');
        h.Write(from);
        h.Write(',');
        h.Write(to);
        h.Write(',');
        h.Write(Quote(by));
        h.Write(',');
        h.Write(field);
        h.Write(',');
        h.Write(old);
        h.Write(',');
        h.WriteLine(@new);
    }

    internal void Flush()
    {
        deals.Flush();
        history?.Flush();
    }

    public void Dispose()
    {
        deals.Dispose();
        history?.Dispose();
    }

    private void Text(string? value, bool last = false) => Value(value is null ? null : Quote(value), last);

    private void Value(string? value, bool last = false)
    {
        if (value is not null)
        {
            deals.Write(value);
        }
        if (last)
        {
            deals.WriteLine();
        }
        else
        {
            deals.Write(',');
        }
    }

    // Quoted as the report writer quotes (CsvRecords); an empty value stays bare: the reader takes it as missing.
    internal static string Quote(string value) => value.Length > 0 && CsvRecords.NeedsQuotes(value, ',') ? CsvRecords.Quoted(value) : value;

    // Every digit: the reader takes up to nine decimals of a second.
    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string Status(DealStatus status) =>
        status switch
        {
            DealStatus.Won => "won",
            DealStatus.Lost => "lost",
            DealStatus.Stopped => "stopped",
            _ => "open",
        };

    private static string Category(ForecastCategory category) =>
        category switch
        {
            ForecastCategory.Pipeline => "pipeline",
            ForecastCategory.BestCase => "best_case",
            ForecastCategory.Commit => "commit",
            _ => "omitted",
        };
}
