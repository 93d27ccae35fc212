using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesPipeline.Csv;

/// <summary>
/// What reading one canonical file brought in (<see cref="LeadCsv"/>, <see cref="ActivityCsv"/>, <see cref="PaymentCsv"/>,
/// <see cref="QuotaCsv"/>): the values of the accepted rows, every error of the rejected ones, and the row counts
/// (read = accepted + rejected).
/// </summary>
/// <typeparam name="T">What the file's rows become: <c>Lead</c>, <c>Activity</c>, <c>Quota</c>, or the
/// <c>CollectionSchedule</c>s the payments were recorded in.</typeparam>
/// <remarks>Immutable; thread-safe.</remarks>
/// <example><code>
/// var result = QuotaCsv.ReadFile("quotas.csv");
/// Console.WriteLine(result); // quotas: read 4, accepted 4, rejected 0
/// IReadOnlyList&lt;Quota&gt; quotas = result.GetItemsOrThrow();
/// </code></example>
public sealed class CsvReadResult<T>
{
    internal CsvReadResult(string file, IReadOnlyList<T> items, IReadOnlyList<CsvRowError> errors, CsvRowCounts rows)
    {
        File = file;
        Items = items;
        Errors = errors;
        Rows = rows;
    }

    /// <summary>The file's role, as in its errors: <c>"leads"</c>, <c>"activities"</c>, <c>"payments"</c> or <c>"quotas"</c>.</summary>
    public string File { get; }

    /// <summary>
    /// The values of the accepted rows in file order; for payments, every schedule given, in the order given, with the
    /// accepted rows recorded.
    /// </summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Every error, by line (a row may have several, in the order of its columns).</summary>
    public IReadOnlyList<CsvRowError> Errors { get; }

    /// <summary>The rows of the file.</summary>
    public CsvRowCounts Rows { get; }

    /// <summary>Whether every row was accepted.</summary>
    public bool IsComplete => Errors.Count == 0;

    /// <summary>The items, when every row was accepted.</summary>
    /// <returns><see cref="Items"/>.</returns>
    /// <exception cref="CsvImportException">A row was rejected; the exception lists every error.</exception>
    public IReadOnlyList<T> GetItemsOrThrow() => IsComplete ? Items : throw new CsvImportException(Errors);

    /// <summary>The counts, then one line per error: <c>leads: read 4, accepted 3, rejected 1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(
            string.Create(CultureInfo.InvariantCulture, $"{File}: read {Rows.Read}, accepted {Rows.Accepted}, rejected {Rows.Rejected}")
        );
        foreach (var error in Errors)
        {
            text.Append('\n').Append(error);
        }
        return text.ToString();
    }
}
