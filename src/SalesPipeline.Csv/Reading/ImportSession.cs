using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CsvHelper;
using NodaTime;
using SalesPipeline.Csv.Reading.Formats;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Csv.Reading.CanonicalColumns;

namespace SalesPipeline.Csv.Reading;

// One import: reads the deals file, then the history file (grouping its rows by deal), builds each deal's history, hands
// the records to PipelineTransitions.Import and maps its errors back to the lines they came from.
internal sealed partial class ImportSession
{
    internal const string DealsFile = "deals";

    // After this many rows of a file, its lists are sized for the rows the file's length suggests.
    private const int SizingRows = 1024;
    internal const string HistoryFile = "history";

    private readonly PipelineDefinition pipeline;
    private readonly CsvReadOptions options;
    private readonly FormatSpec spec;
    private readonly Values values;
    private readonly Dictionary<string, Stage> stageByLabel;
    private readonly List<CsvRowError> errors = [];
    private readonly List<DealRow> deals = [];
    private List<HistoryRow> history = [];
    private readonly Dictionary<string, int> dealById = new(StringComparer.Ordinal);
    private readonly RowStore dealRaw = new();
    private RowStore historyRaw = new();
    private readonly Dictionary<string, LeadSource> leadSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LossReason> lossReasons = new(StringComparer.Ordinal);
    private CsvFile? dealsFile;
    private CsvFile? historyFile;
    private long dealRowsRead;
    private long historyRowsRead;

    // The row being read, for Bad.
    private CsvFile? current;
    private long currentLine;
    private string[] currentColumns = [];

    // Whether the two files are read at once (ImportSession.AtOnce.cs); null: when the streams allow it.
    private readonly bool? atOnce;

    internal ImportSession(PipelineDefinition pipeline, CsvReadOptions options, bool? atOnce = null)
    {
        this.atOnce = atOnce;
        this.pipeline = pipeline;
        this.options = options;
        spec = FormatSpec.Of(options.Format);
        values = new Values(options.Culture, options.Zone, spec.Lenient);
        stageByLabel = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
        if (options.Stages is null)
        {
            foreach (var stage in pipeline.Stages)
            {
                stageByLabel.TryAdd(stage.Id, stage);
            }
            foreach (var stage in pipeline.Stages)
            {
                stageByLabel.TryAdd(stage.Name, stage);
            }
        }
    }

    internal CsvImportResult Run(Stream deals, Stream? historyStream, Instant asOf)
    {
        if (historyStream is not null && ReadsAtOnce(deals, historyStream))
        {
            ReadAtOnce(deals, historyStream);
        }
        else
        {
            ReadDealsFile(deals);
            if (historyStream is not null)
            {
                using (historyFile = OpenHistory(historyStream))
                {
                    ReadHistory(historyFile);
                }
            }
        }
        BuildHistories();
        return Import(asOf);
    }

    // fileOptions: the options, with the progress the deals file reports to (ImportSession.AtOnce.cs).
    private void ReadDealsFile(Stream deals, CsvReadOptions? fileOptions = null)
    {
        using (
            dealsFile = CsvFile.Open(
                deals,
                DealsFile,
                AllDealColumns,
                spec.DealHeaders,
                spec.DealRequired,
                fileOptions ?? options,
                spec.FooterLine
            )
        )
        {
            if (spec.StageDateColumns)
            {
                FindStageDateColumns(dealsFile);
            }
            ReadDeals(dealsFile);
        }
    }

    // Opens the history file and checks that it has the stage or the field column.
    private CsvFile OpenHistory(Stream historyStream)
    {
        var file = CsvFile.Open(
            historyStream,
            HistoryFile,
            HistoryColumns,
            spec.HistoryHeaders!,
            spec.HistoryRequired,
            options,
            spec.FooterLine
        );
        if (file.Index[HTo] < 0 && file.Index[HField] < 0)
        {
            using var refused = file;
            var name = options.Columns is { } map && map.TryGetValue(HistoryColumns[HTo], out var mapped) ? mapped : HistoryColumns[HTo];
            throw new CsvImportException([
                new CsvRowError(
                    HistoryFile,
                    1,
                    name,
                    null,
                    $"The history file's header has no column \"{name}\", which is required unless the file has a \"field\" column (of field changes); its columns are {string.Join(", ", file.Reader.Headers)}."
                ),
            ]);
        }
        return file;
    }

    // Adds an error; the first one ends the import when the options say so.
    private void Fail(CsvRowError error)
    {
        errors.Add(error);
        if (options.StopAtFirstError && !scanning)
        {
            throw new CsvImportException([error]);
        }
    }

    private void StopIfAsked()
    {
        if (options.StopAtFirstError && errors.Count > 0)
        {
            throw new CsvImportException([errors[0]]);
        }
    }

    // The cell of a canonical column, as bytes; empty when the file lacks the column.
    private static ReadOnlySpan<byte> Cell(CsvFile file, int column) => file.Cell(column);

    private static bool IsBlank(ReadOnlySpan<byte> cell) => Values.IsBlank(cell);

    private static string? Text(CsvFile file, int column) => file.Text(column);

    private static string? Raw(CsvFile file, int column) => file.Raw(column);

    // Checks that a row is valid UTF-8; an invalid one is reported at its first bad field.
    private bool CheckUtf8(CsvFile file, long line)
    {
        if (file.Utf8Error(line) is { } error)
        {
            Fail(error);
            return false;
        }
        return true;
    }

    private Stage? StageOf(string label)
    {
        if (options.Stages is { } map)
        {
            return map.TryGetValue(label, out var id) && pipeline.TryGetStage(id, out var mapped) ? mapped : null;
        }
        return stageByLabel.TryGetValue(label, out var stage) ? stage : null;
    }

    private string UnknownStage(string label) =>
        options.Stages is { } map && map.TryGetValue(label, out var id)
            ? $"CsvReadOptions.Stages maps this label to \"{id}\", which is not a stage of pipeline \"{pipeline.Name}\"."
        : options.Stages is not null ? "The label is not in CsvReadOptions.Stages."
        : $"No stage of pipeline \"{pipeline.Name}\" has this id or name; its stages are {string.Join(", ", StageNames())}.";

    private IEnumerable<string> StageNames()
    {
        foreach (var stage in pipeline.Stages)
        {
            yield return stage.Id == stage.Name ? stage.Id : $"{stage.Id} ({stage.Name})";
        }
    }

    private CsvImportResult Import(Instant asOf)
    {
        // The rows of the accepted deals; their records are made as the import takes them (RecordOf).
        var rowOf = new List<int>(deals.Count);
        for (var d = 0; d < deals.Count; d++)
        {
            if (deals[d].Accepted)
            {
                rowOf.Add(d);
            }
        }
        // One call over every record, which Core imports in parts on the cores when there are many.
        var result = pipeline.Import(new Records(this, rowOf), asOf);
        var firstOf = new Dictionary<int, CsvRowError>();
        foreach (var error in result.Errors)
        {
            // A deal the import rejects takes every row of it along; each row not yet reported names the first reason.
            var d = rowOf[error.Index];
            firstOf.TryAdd(d, MapImportError(deals[d], error));
        }
        var imported = result.Deals;
        foreach (var (d, first) in firstOf)
        {
            RejectAll(d, first);
        }
        var historyAccepted = 0L;
        var ignored = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in CollectionsMarshal.AsSpan(history))
        {
            if (!row.Rejected)
            {
                historyAccepted++;
                if (row.Kind == HistoryKind.Ignored)
                {
                    var label = ignoredLabels[row.Change];
                    ignored[label] = ignored.GetValueOrDefault(label) + 1;
                }
            }
        }
        var ordered = errors.OrderBy(e => e.File == DealsFile ? 0 : 1).ThenBy(e => e.Line).ToList(); // stable: a row's cells keep their order
        return new CsvImportResult(
            imported,
            ordered.AsReadOnly(),
            new CsvRowCounts(dealRowsRead, imported.Count, dealRowsRead - imported.Count),
            new CsvRowCounts(historyRowsRead, historyAccepted, historyRowsRead - historyAccepted),
            new System.Collections.ObjectModel.ReadOnlyDictionary<string, long>(ignored)
        );
    }

    // The accepted rows' records, made as Core's import reads each one (from several threads: RecordOf only reads).
    private sealed class Records(ImportSession session, List<int> rowOf) : IReadOnlyList<DealImport?>
    {
        public DealImport? this[int index] => session.RecordOf(session.deals[rowOf[index]]);

        public int Count => rowOf.Count;

        public IEnumerator<DealImport?> GetEnumerator()
        {
            for (var i = 0; i < rowOf.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // The file does not date a pool entry. A pooled deal without owner changes never had a rep the file knows of: it
    // waits since its creation (DealImport's default). One whose owner changed was pooled after the last thing the file
    // dates of it: the latest instant of its record (Core's import then records the pool move there, after the changes).
    private static Instant PoolEntry(DealImport r)
    {
        var latest = r.StageEnteredAt is { } entered && entered > r.CreatedAt ? entered : r.CreatedAt;
        foreach (
            var at in r
                .History.Select(e => e.EnteredAt)
                .Concat(r.AmountChanges.Select(c => c.At))
                .Concat(r.ExpectedCloseChanges.Select(c => c.At))
                .Concat(r.OwnerChanges.Select(c => c.At))
        )
        {
            latest = at > latest ? at : latest;
        }
        return latest;
    }

    // Marks a deal's row and every history row of it rejected, each row without an error yet getting one that names why.
    private void RejectAll(int d, CsvRowError cause)
    {
        var deal = deals[d];
        deal.Accepted = false;
        if (!deal.Rejected)
        {
            deal.Rejected = true;
            Fail(new CsvRowError(DealsFile, deal.Line, null, null, $"Its history is rejected: {cause}"));
        }
        var rows = CollectionsMarshal.AsSpan(history);
        for (var h = deal.FirstHistory; h >= 0; h = rows[h].Next)
        {
            if (!rows[h].Rejected)
            {
                rows[h].Rejected = true;
                Fail(
                    new CsvRowError(
                        HistoryFile,
                        rows[h].Line,
                        null,
                        null,
                        string.Create(CultureInfo.InvariantCulture, $"Rejected with its deal (deals line {deal.Line}): {cause}")
                    )
                );
            }
        }
    }

    private CsvRowError MapImportError(DealRow deal, ImportError error)
    {
        var field = error.Field;
        if (field.StartsWith("History[", StringComparison.Ordinal) && deal.EntryFields is { } entryFields)
        {
            // An entry taken from a cell of the deal's row.
            var close = field.IndexOf(']', StringComparison.Ordinal);
            return OnDealCell(deal, entryFields[int.Parse(field.AsSpan(8, close - 8), CultureInfo.InvariantCulture)], error.Rule);
        }
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var list = open > 0 ? field[..open] : null;
        var kind = list switch
        {
            nameof(DealImport.History) => HistoryField.None,
            nameof(DealImport.AmountChanges) => HistoryField.Amount,
            nameof(DealImport.ExpectedCloseChanges) => HistoryField.ExpectedClose,
            nameof(DealImport.OwnerChanges) => HistoryField.Owner,
            _ => (HistoryField?)null,
        };
        if (kind is { } f)
        {
            var close = field.IndexOf(']', open);
            var entry = int.Parse(field.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture);
            // Sorted again rather than kept per deal: only a rejected deal needs it.
            var (order, picked) = (new List<int>(), new List<int>());
            SortHistory(deal, order);
            Pick(order, picked, f);
            var h = picked[entry];
            ref var row = ref CollectionsMarshal.AsSpan(history)[h];
            var column = StageColumn(
                row,
                field[(close + 1)..] switch
                {
                    ".EnteredAt" or ".At" => HAt,
                    ".By" => HBy,
                    ".Before" => HOld,
                    ".After" => HNew,
                    _ when f == HistoryField.None => HTo,
                    _ => HField,
                }
            );
            row.Rejected = true;
            var mapped = new CsvRowError(
                HistoryFile,
                row.Line,
                historyFile!.Header[column] ?? HistoryColumns[column],
                CellText(historyRaw, row.Raw, historyFile, column),
                error.Rule
            );
            Fail(mapped);
            return mapped;
        }
        var c = field switch
        {
            nameof(DealImport.Id) => DId,
            nameof(DealImport.Name) => DName,
            nameof(DealImport.Owner) => DOwner,
            nameof(DealImport.Team) => DTeam,
            nameof(DealImport.InPoolSince) => DOwner,
            nameof(DealImport.Amount) => DAmount,
            nameof(DealImport.StageId) => DStage,
            nameof(DealImport.Status) => dealsFile!.Index[DStatus] >= 0 ? DStatus : DStage,
            nameof(DealImport.ClosedAt) when deal.CloseField >= 0 => -2,
            nameof(DealImport.ExpectedClose) => DExpectedClose,
            nameof(DealImport.CreatedAt) => DCreatedAt,
            nameof(DealImport.ClosedAt) => DClosedAt,
            nameof(DealImport.LossReason) => DLossReason,
            nameof(DealImport.Competitor) => DCompetitor,
            nameof(DealImport.ProbabilityOverride) => DProbability,
            nameof(DealImport.CategoryOverride) => DCategory,
            nameof(DealImport.StageEnteredAt) => DStageEnteredAt,
            nameof(DealImport.Product) => DProduct,
            nameof(DealImport.StoppedAt) => DStoppedAt,
            nameof(DealImport.StopReason) => DStopReason,
            _ => -1,
        };
        if (c == -2)
        {
            return OnDealCell(deal, deal.CloseField, error.Rule);
        }
        deal.Rejected = true;
        var onDeal = new CsvRowError(
            DealsFile,
            deal.Line,
            c >= 0 ? dealsFile!.Header[c] ?? DealColumns[c] : null,
            c >= 0 ? CellText(dealRaw, deal.Raw, dealsFile!, c) : null,
            error.Rule
        );
        Fail(onDeal);
        return onDeal;
    }

    // An error of the import in a cell of the deal's row, by its field index.
    private CsvRowError OnDealCell(DealRow deal, int field, string rule)
    {
        deal.Rejected = true;
        var error = new CsvRowError(DealsFile, deal.Line, dealsFile!.HeaderOf(field), FieldText(dealRaw, deal.Raw, dealsFile, field), rule);
        Fail(error);
        return error;
    }

    // A cell of a kept row, read again from its raw bytes (only for errors found after reading).
    private static string? CellText(RowStore store, int raw, CsvFile file, int column) => FieldText(store, raw, file, file.Index[column]);

    private static string? FieldText(RowStore store, int raw, CsvFile file, int field)
    {
        if (field < 0)
        {
            return null;
        }
        using var reader = CsvReader.Create(store[raw].ToArray(), new CsvReaderOptions { Separator = file.Separator, HasHeader = false });
        return reader.Read() && field < reader.FieldCount ? reader.GetString(field) : null;
    }
}
