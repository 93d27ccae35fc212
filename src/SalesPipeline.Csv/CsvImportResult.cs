using System.Collections.Generic;
using System.Globalization;
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
    internal CsvImportResult(IReadOnlyList<Deal> deals, IReadOnlyList<CsvRowError> errors, CsvRowCounts dealRows, CsvRowCounts historyRows)
    {
        Deals = deals;
        Errors = errors;
        DealRows = dealRows;
        HistoryRows = historyRows;
    }

    /// <summary>The imported deals, in the order of their rows in the deals file.</summary>
    public IReadOnlyList<Deal> Deals { get; }

    /// <summary>Every error, the deals file's first, each file's by line (a row may have several).</summary>
    public IReadOnlyList<CsvRowError> Errors { get; }

    /// <summary>The rows of the deals file.</summary>
    public CsvRowCounts DealRows { get; }

    /// <summary>The rows of the history file (all zero without one).</summary>
    public CsvRowCounts HistoryRows { get; }

    /// <summary>Whether every row was accepted.</summary>
    public bool IsComplete => Errors.Count == 0;

    /// <summary>The deals, when every row was accepted.</summary>
    /// <returns><see cref="Deals"/>.</returns>
    /// <exception cref="CsvImportException">A row was rejected; the exception lists every error.</exception>
    public IReadOnlyList<Deal> GetDealsOrThrow() => IsComplete ? Deals : throw new CsvImportException(Errors);

    /// <summary>
    /// The counts, then one line per error: <c>deals: read 4, accepted 3, rejected 1; history: read 9, accepted 7, rejected 2</c>.
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
        foreach (var error in Errors)
        {
            text.Append('\n').Append(error);
        }
        return text.ToString();
    }
}
