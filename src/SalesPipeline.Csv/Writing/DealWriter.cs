using System;
using System.Globalization;
using System.IO;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Writing;

// Writes deals in the canonical format (docs/csv.md, "Writing deals"): deals.csv as each deal stands, history.csv with
// one row per stage entered whose instant is known. UTF-8 without a byte order mark, comma-separated, LF line ends,
// fields quoted as RFC 4180 says when they hold a comma, a quote, a line break or surrounding white space.
internal sealed class DealWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly TextWriter deals;
    private readonly TextWriter? history;

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
        Text(deal.Owner);
        Value(deal.Amount.Amount.ToString(CultureInfo.InvariantCulture));
        Value(deal.Amount.Currency.Code);
        Text(deal.StageId);
        Value(Status(deal.Status));
        Value(Format(deal.CreatedAt));
        Value(LocalDatePattern.Iso.Format(deal.ExpectedClose));
        Value(deal.ClosedAt is { } closed ? Format(closed) : null);
        Text(deal.LossReason?.Code);
        Text(deal.Competitor);
        Text(deal.Source?.Code);
        Text(deal.Product);
        Text(deal.LeadId?.Value);
        // A closed deal keeps an override it had, dormant until it is reopened; the format has overrides of open deals only.
        Value(deal.IsOpen ? deal.ProbabilityOverride?.ToString(CultureInfo.InvariantCulture) : null);
        Value(deal.IsOpen && deal.CategoryOverride is { } category ? Category(category) : null);
        // With a history file the history says when the deal entered its stage; without one, this column does.
        Value(history is null && deal.IsOpen && entryKnown ? Format(deal.StageEnteredAt) : null, last: true);
    }

    // The deal's stage entries with a known instant, one row each; returns whether its current stage's entry is known.
    private bool WriteHistory(Deal deal)
    {
        var known = false;
        string? stage = null;
        foreach (var e in deal.Events)
        {
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
                _ => ((string?)null, (string?)null),
            };
            if (to is null)
            {
                continue;
            }
            known = true;
            if (history is not null)
            {
                var from = e is DealCreated or DealImported ? null : stage;
                history.Write(Quote(deal.Id.Value));
                history.Write(',');
                history.Write(Format(e.At));
                history.Write(',');
                history.Write(kind);
                history.Write(',');
                history.Write(from is null ? "" : Quote(from));
                history.Write(',');
                history.Write(Quote(to));
                history.Write(',');
                history.Write(Quote(e.By));
                // field, old_value, new_value: a stage row leaves them empty.
                history.WriteLine(",,,");
            }
            stage = to;
        }
        return known;
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

    // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled; so is one with white space
    // at either end, which some readers would trim.
    internal static string Quote(string value)
    {
        var needs = value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        foreach (var c in value)
        {
            if (c is ',' or '"' or '\r' or '\n')
            {
                needs = true;
                break;
            }
        }
        return needs ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    // Every digit: the reader takes up to nine decimals of a second.
    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string Status(DealStatus status) =>
        status switch
        {
            DealStatus.Won => "won",
            DealStatus.Lost => "lost",
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
