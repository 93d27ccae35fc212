using System;
using System.Linq;
using static SalesPipeline.Csv.Reading.CanonicalColumns;

namespace SalesPipeline.Csv.Reading.Formats;

// Where a closed deal's close instant comes from.
internal enum CloseSource : byte
{
    // The closed_at column (canonical).
    ClosedAtColumn,

    // The expected_close column's cell read as an instant (Salesforce's and HubSpot's Close Date), unless the deal's
    // history closes it (Salesforce's history file, HubSpot's Date entered column of the Won or Lost stage).
    ExpectedClose,

    // won_time or lost_time by the status (Pipedrive).
    StatusTime,
}

// One file shape as data: the headers of each column (tried in order, matched ignoring case), which are required, how
// values are read and where the history comes from. The session (ImportSession) reads every format; the few steps that
// differ ask these flags. Immutable; the instances are shared.
internal sealed class FormatSpec
{
    internal required CsvFormat Format { get; init; }

    // The headers of each column of AllDealColumns, in its order; an empty list: the format does not read the column.
    internal required string[][] DealHeaders { get; init; }

    internal required bool[] DealRequired { get; init; }

    // The headers of each column of HistoryColumns; null when the format has no history file.
    internal string[][]? HistoryHeaders { get; init; }

    internal bool[] HistoryRequired { get; init; } = CanonicalColumns.HistoryRequired;

    // A date may stand for an instant and a date-time for a date (Values' lenient mode).
    internal bool Lenient => Format != CsvFormat.Canonical;

    // A report footer after a blank line (Salesforce): known lines are not rows, anything else is an error.
    internal Func<string, bool>? FooterLine { get; init; }

    // A won or lost deal's stage cell holds the open stage it closed from; the status says it is closed (Pipedrive).
    internal bool StatusClosesStage { get; init; }

    internal CloseSource Close { get; init; }

    // A closed deal without an expected close date takes its close's date in the zone (Pipedrive).
    internal bool ExpectedCloseFromClose { get; init; }

    // A probability is written in percent (Salesforce's Probability (%), Pipedrive's Deal - Probability).
    internal bool ProbabilityInPercent { get; init; }

    // Probability and category cells (when mapped in) that repeat the stage's default are not overrides, and those of a
    // won or lost deal are not read: the CRM fills them from the stage.
    internal bool OverridesOnlyWhenDifferent => Format != CsvFormat.Canonical;

    // The history comes from the deals file's Date entered "<stage> (<pipeline>)" columns (HubSpot).
    internal bool StageDateColumns { get; init; }

    // History rows that leave the stage as it was (an amount or close date change) are not stage entries (Salesforce).
    internal bool HistorySkipsUnchangedStage { get; init; }

    // A history that ends in the Won or Lost stage gives the close instant, not the deal row (Salesforce).
    internal bool CloseFromHistory { get; init; }

    internal string Name => Format.ToString();

    internal static FormatSpec Of(CsvFormat format) =>
        format switch
        {
            CsvFormat.Salesforce => SalesforceFormat.Spec,
            CsvFormat.HubSpot => HubSpotFormat.Spec,
            CsvFormat.Pipedrive => PipedriveFormat.Spec,
            _ => Canonical,
        };

    internal static readonly FormatSpec Canonical = new()
    {
        Format = CsvFormat.Canonical,
        DealHeaders = [.. AllDealColumns.Select((c, i) => i < DealColumns.Length ? new[] { c } : [])],
        DealRequired = [.. DealsRequired, .. FormatColumns.Select(_ => false)],
        HistoryHeaders = [.. HistoryColumns.Select(c => new[] { c })],
    };

    // The headers of a format: each column's list by its canonical name; a column not named is not read.
    internal static string[][] Headers(params (string Column, string[] Headers)[] columns)
    {
        var headers = AllDealColumns.Select(_ => Array.Empty<string>()).ToArray();
        foreach (var (column, names) in columns)
        {
            headers[Array.IndexOf(AllDealColumns, column)] = names;
        }
        return headers;
    }

    internal static string[][] HistoryHeadersOf(params (string Column, string[] Headers)[] columns)
    {
        var headers = HistoryColumns.Select(_ => Array.Empty<string>()).ToArray();
        foreach (var (column, names) in columns)
        {
            headers[Array.IndexOf(HistoryColumns, column)] = names;
        }
        return headers;
    }

    internal static bool[] Required(params string[] columns) => [.. AllDealColumns.Select(c => columns.Contains(c))];
}
