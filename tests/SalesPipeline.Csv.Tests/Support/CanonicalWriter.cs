using System.Globalization;
using System.IO;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Tests.Support;

// A second, independent way to the canonical format: DealImport records written as the docs describe the files
// (RFC 4180 quoting, ISO instants and dates, invariant decimals), so that reading them back can be compared with
// importing the records directly.
internal static class CanonicalWriter
{
    public const string DealsHeader =
        "deal_id,name,owner,amount,currency,stage,status,created_at,expected_close,closed_at,loss_reason,competitor,source,product,lead_id,probability,category,stage_entered_at";

    public const string HistoryHeader = "deal_id,at,kind,from_stage,to_stage,by";

    public static string Deals(IEnumerable<DealImport> records)
    {
        var text = new StringBuilder(DealsHeader).Append('\n');
        foreach (var r in records)
        {
            Row(
                text,
                r.Id.Value,
                r.Name,
                r.Owner,
                r.Amount.Amount.ToString(CultureInfo.InvariantCulture),
                r.Amount.Currency.Code,
                r.StageId,
                r.Status.ToString().ToLowerInvariant(),
                Iso(r.CreatedAt),
                LocalDatePattern.Iso.Format(r.ExpectedClose),
                r.ClosedAt is { } c ? Iso(c) : null,
                r.LossReason?.Code,
                r.Competitor,
                r.Source?.Code,
                r.Product,
                r.LeadId?.Value,
                r.ProbabilityOverride?.ToString(CultureInfo.InvariantCulture),
                r.CategoryOverride switch
                {
                    ForecastCategory.BestCase => "best_case",
                    { } category => category.ToString().ToLowerInvariant(),
                    null => null,
                },
                r.StageEnteredAt is { } s ? Iso(s) : null
            );
        }
        return text.ToString();
    }

    // The history rows of every record, in the order given by `order` (a permutation of the rows, to show that the
    // reader sorts them); kinds follow the stages: created first, then moved, won, lost or reopened.
    public static string History(PipelineDefinition pipeline, IEnumerable<DealImport> records, Func<int, int>? order = null)
    {
        var rows = new List<string?[]>();
        foreach (var r in records)
        {
            Stage? previous = null;
            foreach (var entry in r.History)
            {
                var stage = pipeline.Stages.Single(s => s.Id == entry.StageId);
                var kind =
                    previous is null ? "created"
                    : stage.Kind == StageKind.Won ? "won"
                    : stage.Kind == StageKind.Lost ? "lost"
                    : previous.IsClosed ? "reopened"
                    : "moved";
                rows.Add([r.Id.Value, Iso(entry.EnteredAt), kind, previous?.Id, stage.Id, entry.By]);
                previous = stage;
            }
        }
        var text = new StringBuilder(HistoryHeader).Append('\n');
        var ordered = order is null ? rows : rows.Select((row, i) => (row, key: order(i))).OrderBy(p => p.key).Select(p => p.row).ToList();
        foreach (var row in ordered)
        {
            Row(text, row);
        }
        return text.ToString();
    }

    public const string ChangesHeader = "deal_id,at,kind,from_stage,to_stage,by,field,old_value,new_value";

    // The history file with field changes: the stage rows of History with three empty cells, then one row per change
    // (kind "changed" or left out), amounts plain in the deal's currency or after another currency's code; scrambled.
    public static string HistoryWithChanges(PipelineDefinition pipeline, IEnumerable<DealImport> records, Func<int, int> order)
    {
        var stageRows = History(pipeline, records).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row + ",,,\n");
        var rows = new List<string>(stageRows);
        var n = 0;
        foreach (var r in records)
        {
            string Amount(Money m) =>
                m.Currency == r.Amount.Currency && n % 2 == 0
                    ? m.Amount.ToString(CultureInfo.InvariantCulture)
                    : $"{m.Currency.Code} {m.Amount.ToString(CultureInfo.InvariantCulture)}";
            foreach (var c in r.AmountChanges)
            {
                rows.Add(
                    Line(
                        r.Id.Value,
                        Iso(c.At),
                        n++ % 3 == 0 ? null : "changed",
                        null,
                        null,
                        c.By,
                        "amount",
                        Amount(c.Before),
                        Amount(c.After)
                    )
                );
            }
            foreach (var c in r.ExpectedCloseChanges)
            {
                rows.Add(
                    Line(
                        r.Id.Value,
                        Iso(c.At),
                        "changed",
                        null,
                        null,
                        c.By,
                        "expected_close",
                        LocalDatePattern.Iso.Format(c.Before),
                        LocalDatePattern.Iso.Format(c.After)
                    )
                );
            }
            foreach (var c in r.OwnerChanges)
            {
                rows.Add(Line(r.Id.Value, Iso(c.At), null, null, null, c.By, "Owner", c.Before, c.After));
            }
        }
        var text = new StringBuilder(ChangesHeader).Append('\n');
        foreach (var row in rows.Select((row, i) => (row, key: order(i))).OrderBy(p => p.key).Select(p => p.row))
        {
            text.Append(row);
        }
        return text.ToString();
    }

    private static string Line(params string?[] cells)
    {
        var text = new StringBuilder();
        Row(text, cells);
        return text.ToString();
    }

    private static string Iso(Instant at) => InstantPattern.ExtendedIso.Format(at);

    private static void Row(StringBuilder text, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var cell = cells[i] ?? "";
            text.Append(
                cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell
            );
        }
        text.Append('\n');
    }

    public static MemoryStream Utf8(string text, bool bom = false) =>
        new(bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));
}
