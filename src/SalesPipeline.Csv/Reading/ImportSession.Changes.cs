using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using static SalesPipeline.Csv.Reading.CanonicalColumns;

namespace SalesPipeline.Csv.Reading;

// The cells of a history row: a stage row (kind, from_stage, to_stage), or a row with a field (a change of the amount,
// expected close date or owner, a stage change, the creation, or a field the library does not track).
internal sealed partial class ImportSession
{
    // The old and new values of the change rows (Money, LocalDate or an owner), by HistoryRow.Change.
    private List<(object Old, object New)> changeValues = [];

    // The labels of the ignored rows, by HistoryRow.Change.
    private List<string> ignoredLabels = [];

    private void ReadHistoryCells(CsvFile file, ref HistoryRow row, DealRow? deal)
    {
        var label = Text(file, HField);
        if (label is not null)
        {
            if (options.Fields is { } map && !map.TryGetValue(label, out _))
            {
                // Not a field the library tracks: kept with its deal (accepted or rejected with it), counted, not read.
                row.Kind = HistoryKind.Ignored;
                row.Change = ignoredLabels.Count;
                ignoredLabels.Add(label);
                return;
            }
            row.Field = FieldOf(options.Fields is { } fields ? fields[label] : label);
            if (row.Field == HistoryField.None)
            {
                Bad(HField, "The field is amount, expected_close, owner, stage or created.");
            }
        }
        row.At = RequiredInstant(file, HAt, "Every history row has its instant.");
        var kindCell = Values.Trim(Cell(file, HKind));
        if (!IsBlank(kindCell))
        {
            row.Kind = Kind(kindCell);
            if (row.Kind == HistoryKind.None)
            {
                Bad(HKind, "The kind is created, moved, won, lost, reopened or changed.");
            }
        }
        switch (row.Field)
        {
            case HistoryField.None when label is null:
                ReadStageCells(file, ref row);
                break;
            case HistoryField.None:
                break;
            case HistoryField.Stage:
                ReadStageChange(file, ref row);
                break;
            case HistoryField.Created:
                ReadCreated(file, ref row);
                break;
            default:
                ReadChange(file, ref row, deal);
                break;
        }
    }

    private static HistoryField FieldOf(string name) =>
        name.Trim().ToLowerInvariant() switch
        {
            "amount" => HistoryField.Amount,
            "expected_close" => HistoryField.ExpectedClose,
            "owner" => HistoryField.Owner,
            "stage" => HistoryField.Stage,
            "created" => HistoryField.Created,
            _ => HistoryField.None,
        };

    private static string FieldName(HistoryField field) => FieldNames[(int)field - 1];

    // A stage row: the deal entered to_stage (from from_stage, when given).
    private void ReadStageCells(CsvFile file, ref HistoryRow row)
    {
        if (row.Kind == HistoryKind.Changed)
        {
            Bad(HField, "A changed row names its field: amount, expected_close, owner or stage.");
            return;
        }
        NoValues(file, "A stage row has no old_value or new_value; those belong to a row with a field.");
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
    }

    // A stage change: a stage row whose stages are the old and new values (a field-history export's "Stage" rows).
    private void ReadStageChange(CsvFile file, ref HistoryRow row)
    {
        if (row.Kind == HistoryKind.Created)
        {
            Bad(HKind, "A stage change is moved, won, lost, reopened or changed; the creation is a row of field created.");
        }
        row.Kind = row.Kind == HistoryKind.Changed ? HistoryKind.None : row.Kind;
        NoStages(file, "A stage change names its stages in old_value and new_value, not in from_stage and to_stage.");
        var from = Text(file, HOld);
        if (from is not null && (row.From = StageOf(from)) is null)
        {
            Bad(HOld, UnknownStage(from));
        }
        var to = Text(file, HNew);
        if (to is null)
        {
            Bad(HNew, "A stage change names the stage the deal entered.");
        }
        else if ((row.To = StageOf(to)!) is null)
        {
            Bad(HNew, UnknownStage(to));
        }
    }

    // The creation: the deal was created at this instant in to_stage, or, when the row does not say, in the stage its
    // first later stage change leaves, else (no later stage change) in the stage the deal is in now (BuildHistories).
    private void ReadCreated(CsvFile file, ref HistoryRow row)
    {
        if (row.Kind is not (HistoryKind.None or HistoryKind.Created))
        {
            Bad(HKind, "The creation is of kind created.");
        }
        row.Kind = HistoryKind.Created;
        NoValues(file, "The creation has no old_value or new_value.");
        if (Text(file, HFrom) is not null)
        {
            Bad(HFrom, "A created row has no from_stage: the deal starts in to_stage.");
        }
        var to = Text(file, HTo);
        row.To = null!;
        if (to is not null && (row.To = StageOf(to)!) is null)
        {
            Bad(HTo, UnknownStage(to));
        }
    }

    // A change of the amount, expected close date or owner, with both values.
    private void ReadChange(CsvFile file, ref HistoryRow row, DealRow? deal)
    {
        if (row.Kind is not (HistoryKind.None or HistoryKind.Changed))
        {
            Bad(HKind, $"A change of {FieldName(row.Field)} is of kind changed.");
        }
        row.Kind = HistoryKind.Changed;
        NoStages(file, "A change of a field names its values in old_value and new_value; from_stage and to_stage belong to stage rows.");
        var old = Value(file, HOld, row.Field, deal);
        var @new = Value(file, HNew, row.Field, deal);
        if (old is not null && @new is not null)
        {
            row.Change = changeValues.Count;
            changeValues.Add((old, @new));
        }
    }

    private object? Value(CsvFile file, int column, HistoryField field, DealRow? deal)
    {
        var cell = Cell(file, column);
        if (IsBlank(cell))
        {
            Bad(
                column,
                $"A change of {FieldName(field)} has both its old and new values (when the export leaves the old one empty, as when a field is first filled in, the value the deal had before is unknown)."
            );
            return null;
        }
        switch (field)
        {
            case HistoryField.Amount:
                return AmountValue(cell, column, deal is { Accepted: true } ? deal.Amount.Currency : null);
            case HistoryField.ExpectedClose:
                if (values.Date(cell, out var date) is { } problem)
                {
                    Bad(column, problem);
                    return null;
                }
                return date;
            default:
                // Not null: a blank cell (Unicode white space included, as Text has it) was reported above.
                var owner = Text(file, column)!;
                if (options.Owners is { } owners)
                {
                    if (owners.TryGetValue(owner, out var mapped))
                    {
                        return mapped;
                    }
                    Bad(column, "The owner is not in CsvReadOptions.Owners.");
                    return null;
                }
                return owner;
        }
    }

    // An amount: a decimal in the culture, in the deal's currency (its row's), or after an ISO code and a space
    // ("EUR 1200.50") for another one: Core allows a deal re-quoted in another currency.
    private object? AmountValue(ReadOnlySpan<byte> cell, int column, Currency? currency)
    {
        var s = Values.Trim(cell);
        if (s.Length > 4 && s[3] == ' ' && IsCode(s[..3]))
        {
            var code = Encoding.ASCII.GetString(s[..3]);
            if (!Currency.TryFromCode(code, out currency))
            {
                Bad(column, "The currency is not an active ISO 4217 code (three capital letters, such as USD).");
                return null;
            }
            s = s[4..];
        }
        if (values.Decimal(s, out var value) is { } problem)
        {
            Bad(column, problem);
            return null;
        }
        if (currency is null && scanning)
        {
            // The deal's currency is known once the deals file is read (ImportSession.AtOnce.cs).
            return Pending(column, value);
        }
        if (currency is null)
        {
            return null; // the deal's row is rejected (reported on deal_id): its currency is unknown
        }
        if (Math.Abs(value) > currency.MaxAmount)
        {
            Bad(
                column,
                string.Create(CultureInfo.InvariantCulture, $"An amount in {currency.Code} is at most {currency.MaxAmount} either way.")
            );
            return null;
        }
        return Money.Of(value, currency);
    }

    private static bool IsCode(ReadOnlySpan<byte> s) =>
        s[0] is >= (byte)'A' and <= (byte)'Z' && s[1] is >= (byte)'A' and <= (byte)'Z' && s[2] is >= (byte)'A' and <= (byte)'Z';

    private void NoValues(CsvFile file, string reason)
    {
        foreach (var column in (ReadOnlySpan<int>)[HOld, HNew])
        {
            if (!IsBlank(Cell(file, column)))
            {
                Bad(column, reason);
            }
        }
    }

    private void NoStages(CsvFile file, string reason)
    {
        foreach (var column in (ReadOnlySpan<int>)[HFrom, HTo])
        {
            if (!IsBlank(Cell(file, column)))
            {
                Bad(column, reason);
            }
        }
    }

    // The column a stage rule is reported on: a stage change's values are in old_value and new_value, and a creation
    // whose stage was derived is reported on its field cell.
    private int StageColumn(in HistoryRow row, int column) =>
        row.Field switch
        {
            HistoryField.Stage => column == HFrom ? HOld
            : column == HTo ? HNew
            : column,
            HistoryField.Created when column == HTo && row.Derived && historyFile!.Index[HTo] < 0 => HField,
            _ => column,
        };
}
