using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SalesPipeline.Deals;

namespace SalesPipeline.Csv;

/// <summary>
/// What a CSV import brought in: the deals of the accepted rows, every error of the rejected ones, and the row counts of
/// each file (read = accepted + rejected).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class CsvImportResult
{
    internal CsvImportResult(
        IReadOnlyList<Deal> deals,
        IReadOnlyList<CsvRowError> errors,
        CsvRowCounts dealRows,
        CsvRowCounts historyRows,
        IReadOnlyDictionary<string, long> ignoredFields
    )
    {
        Deals = deals;
        Errors = errors;
        DealRows = dealRows;
        HistoryRows = historyRows;
        IgnoredFields = ignoredFields;
    }

    /// <summary>The imported deals, in the order of their rows in the deals file.</summary>
    public IReadOnlyList<Deal> Deals { get; }

    /// <summary>Every error, the deals file's first, each file's by line (a row may have several).</summary>
    public IReadOnlyList<CsvRowError> Errors { get; }

    /// <summary>The rows of the deals file.</summary>
    public CsvRowCounts DealRows { get; }

    /// <summary>The rows of the history file (all zero without one).</summary>
    public CsvRowCounts HistoryRows { get; }

    /// <summary>
    /// The history rows of fields the library does not track, by the label the file writes in its <c>field</c> column
    /// (ordinal order), with their count: rows of a label not in <see cref="CsvReadOptions.Fields"/> (a Salesforce "Next
    /// Step" change, say). They are not read; they count as accepted in <see cref="HistoryRows"/> with their deal (rejected
    /// with it otherwise, and then not counted here). Empty without <see cref="CsvReadOptions.Fields"/>.
    /// </summary>
    public IReadOnlyDictionary<string, long> IgnoredFields { get; }

    /// <summary>Whether every row was accepted.</summary>
    public bool IsComplete => Errors.Count == 0;

    /// <summary>The deals, when every row was accepted.</summary>
    /// <returns><see cref="Deals"/>.</returns>
    /// <exception cref="CsvImportException">A row was rejected; the exception lists every error.</exception>
    public IReadOnlyList<Deal> GetDealsOrThrow() => IsComplete ? Deals : throw new CsvImportException(Errors);

    /// <summary>
    /// The counts, then one line per error: <c>deals: read 4, accepted 3, rejected 1; history: read 9, accepted 7, rejected 2</c>,
    /// followed, when some rows were of untracked fields, by <c>; ignored fields: Next Step 2</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(
            string.Create(
                CultureInfo.InvariantCulture,
                $"deals: read {DealRows.Read}, accepted {DealRows.Accepted}, rejected {DealRows.Rejected}; history: read {HistoryRows.Read}, accepted {HistoryRows.Accepted}, rejected {HistoryRows.Rejected}"
            )
        );
        if (IgnoredFields.Count > 0)
        {
            text.Append("; ignored fields: ")
                .AppendJoin(", ", IgnoredFields.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value}")));
        }
        foreach (var error in Errors)
        {
            text.Append('\n').Append(error);
        }
        return text.ToString();
    }
}
