using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv.Reading;

// A row of the deals file as read: its line and raw bytes, what it says of the deal while it is accepted, and its history
// rows (a linked list through HistoryRow.Next, in file order). The deal's DealImport is made of these values only right
// before Core imports it (ImportSession.RecordOf): a record per row, made while reading, would live through the whole
// import.
internal sealed class DealRow(long line, int raw)
{
    internal long Line { get; } = line;

    internal int Raw { get; } = raw;

    // Whether the row was read without error and its deal is not rejected since: the values below are then the record's.
    internal bool Accepted { get; set; }

    internal string Id { get; set; } = "";

    internal string? Owner { get; set; }

    internal Money Amount { get; set; } = null!;

    internal Stage Stage { get; set; } = null!;

    // The record's status: Open, Won or Lost (a stopped deal is imported open, then stopped).
    internal DealStatus Status { get; set; }

    internal Instant CreatedAt { get; set; }

    internal LocalDate ExpectedClose { get; set; }

    internal Instant? ClosedAt { get; set; }

    internal LeadSource? Source { get; set; }

    internal string? Product { get; set; }

    // The values most rows lack, in one object that only a row with one of them has.
    internal DealRowDetails? Details { get; set; }

    // A deal waiting in a pool (a blank owner in a file with a team column): its record has no owner and Team (null: the
    // company pool); see ImportSession.PoolEntry for when it entered the pool.
    internal bool Pooled { get; set; }

    internal string? Team { get; set; }

    // A stopped deal: imported open in the stage it stopped in, then stopped at StoppedAt for StopReason.
    internal StopReason? StopReason { get; set; }

    internal NodaTime.Instant StoppedAt { get; set; }

    // Whether the row has an error; a rejected row is not Accepted.
    internal bool Rejected { get; set; }

    internal int FirstHistory { get; set; } = -1;

    internal int LastHistory { get; set; } = -1;

    // Where the deal's checked history rows are in ImportSession's sorted rows, and how many.
    internal int SortedFrom { get; set; }

    internal int SortedCount { get; set; }

    // The field the close instant was read from (-1: none), and the field of each history entry taken from the deals
    // row itself (HubSpot's Date entered columns, Pipedrive's Last stage change), in the record's history order; so that
    // the import's errors about them point at their cells.
    internal int CloseField { get; set; } = -1;

    internal int[]? EntryFields { get; set; }

    // The error of the first history row of the deal that was rejected: the deal cannot be imported without it.
    internal CsvRowError? BrokenHistory { get; set; }
}

// The values of a deals row that most rows lack; null when unknown or not given, as in DealImport.
internal sealed class DealRowDetails
{
    internal string? Name { get; init; }

    internal Customer? Customer { get; init; }

    internal Instant? StageEnteredAt { get; init; }

    internal LossReason? LossReason { get; init; }

    internal string? Competitor { get; init; }

    internal LeadId? LeadId { get; init; }

    internal decimal? ProbabilityOverride { get; init; }

    internal ForecastCategory? CategoryOverride { get; init; }

    // The stage entries the deals row itself gives (HubSpot's Date entered columns, Pipedrive's Last stage change).
    internal StageEntry[]? History { get; init; }
}

internal enum HistoryKind : byte
{
    None,
    Created,
    Moved,
    Won,
    Lost,
    Reopened,

    // A change of the amount, expected close date or owner (HistoryRow.Field says which); a stage change is a stage row.
    Changed,

    // A row of a field the library does not track (CsvReadOptions.Fields lacks its label): kept with its deal, not read.
    Ignored,
}

// What a history row's field column names; None for a stage row without it.
internal enum HistoryField : byte
{
    None,
    Amount,
    ExpectedClose,
    Owner,
    Stage,
    Created,
}

// A row of the history file as read; Deal is the index of its deal's row.
internal struct HistoryRow
{
    internal long Line;
    internal int Raw;
    internal int Deal;
    internal NodaTime.Instant At;
    internal HistoryKind Kind;
    internal Pipelines.Stage? From;
    internal Pipelines.Stage To;
    internal string? By;
    internal HistoryField Field;

    // A change row's index in ImportSession's change values, an ignored row's in its labels; -1 otherwise.
    internal int Change;
    internal int Next;
    internal bool Rejected;

    // A stage entry of its deal's record (set once the deal's history is checked).
    internal bool Entry;

    // A creation whose stage was not written but derived (from the next stage change, or the deal's stage).
    internal bool Derived;

    // A row of the given line before its cells are read: no raw record, deal, change or next row yet.
    internal static HistoryRow OfLine(long line) =>
        new()
        {
            Line = line,
            Raw = -1,
            Deal = -1,
            Change = -1,
            Next = -1,
        };
}
