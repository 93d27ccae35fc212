using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Csv.Reading.Formats;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Csv.Reading.CanonicalColumns;

namespace SalesPipeline.Csv.Reading;

// The steps of the CRM export formats (FormatSpec's flags) that the canonical format does not take.
internal sealed partial class ImportSession
{
    // HubSpot's Date entered "<stage> (<pipeline>)" columns of the pipeline read, each with its stage.
    private List<(int Field, Stage Stage)> stageColumns = [];

    // Finds the stage columns; one that names a stage the pipeline lacks refuses the file, since every row would fail, and
    // so do two of one stage with the same quote kind (the same header twice, or two labels Stages maps to one stage):
    // which one holds the entry is unknown.
    private void FindStageDateColumns(CsvFile file)
    {
        var seen = new Dictionary<(string Stage, char Quote), int>();
        foreach (var (field, header, label) in StageDateColumns.Find(file.Reader.Headers, pipeline.Name))
        {
            if (StageOf(label) is not { } stage)
            {
                throw new CsvImportException([
                    new CsvRowError(
                        DealsFile,
                        1,
                        header,
                        null,
                        $"The column gives the date deals entered the stage \"{label}\", which is unknown: {UnknownStage(label)}"
                    ),
                ]);
            }
            var quote = header.Trim()[StageDateColumns.Prefix.Length..].TrimStart()[0];
            if (seen.TryGetValue((stage.Id, quote), out var other))
            {
                throw new CsvImportException([
                    new CsvRowError(
                        DealsFile,
                        1,
                        header,
                        null,
                        string.Create(
                            System.Globalization.CultureInfo.InvariantCulture,
                            $"Two columns give the date deals entered the stage \"{stage.Name}\" (fields {Math.Min(other, field) + 1} and {Math.Max(other, field) + 1}): which one holds it is unknown; remove one."
                        )
                    ),
                ]);
            }
            seen.Add((stage.Id, quote), field);
            stageColumns.Add((field, stage));
        }
    }

    // A row of another pipeline than the one read is refused: its stages would be matched against the wrong ones.
    private void CheckPipeline(CsvFile file)
    {
        var name = Text(file, DPipeline);
        if (name is not null && !string.Equals(name.Trim(), pipeline.Name, System.StringComparison.OrdinalIgnoreCase))
        {
            Bad(
                DPipeline,
                $"The deal is in pipeline \"{name.Trim()}\", not in \"{pipeline.Name}\", the pipeline read: read each pipeline's rows into a PipelineDefinition of the same name."
            );
        }
    }

    // A closed deal's close instant and the field it is read from, in the formats without a closed_at column.
    private (Instant? At, int Field) FormatClose(CsvFile file, DealStatus status)
    {
        if (status == DealStatus.Open)
        {
            return (null, -1);
        }
        var column = spec.Close == CloseSource.StatusTime ? (status == DealStatus.Won ? DWonTime : DLostTime) : DExpectedClose;
        var cell = Cell(file, column);
        if (IsBlank(cell))
        {
            return (null, file.Index[column]);
        }
        if (values.Instant(cell, out var at) is { } problem)
        {
            // The expected close date's own error, when it has one, says the same.
            if (
                !(
                    column == DExpectedClose
                    && errors.Count > 0
                    && errors[^1].Line == currentLine
                    && errors[^1].Column == file.Header[column]
                )
            )
            {
                Bad(column, problem);
            }
            return (null, file.Index[column]);
        }
        return (at, file.Index[column]);
    }

    // The stage entries of a HubSpot row, oldest first (a stable sort: equal instants keep the columns' order), one per
    // stage (from its double-quoted column when it also has a single-quoted one); the entry into the Won or Lost stage a
    // closed deal is in gives its close instant.
    private List<(StageEntry Entry, int Field)> StageEntries(CsvFile file, Stage? stage, ref Instant? closedAt, ref int closeField)
    {
        var entries = new List<(StageEntry Entry, int Field)>();
        foreach (var (field, entered) in stageColumns)
        {
            var cell = file.Reader.GetSpan(field);
            if (IsBlank(cell) || entries.Exists(e => e.Entry.StageId == entered.Id))
            {
                continue;
            }
            if (values.Instant(cell, out var at) is { } problem)
            {
                Fail(new CsvRowError(file.Role, currentLine, file.HeaderOf(field), file.Reader.GetString(field), problem));
                continue;
            }
            entries.Add((new StageEntry(entered.Id, at), field));
        }
        entries = [.. entries.OrderBy(e => e.Entry.EnteredAt)];
        if (stage is { IsClosed: true } && entries.FindLastIndex(e => e.Entry.StageId == stage.Id) is var i and >= 0)
        {
            (closedAt, closeField) = (entries[i].Entry.EnteredAt, entries[i].Field);
        }
        return entries;
    }
}
