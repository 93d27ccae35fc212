using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline.Csv.Reading;

internal static class FileResult
{
    // The result of a file whose accepted rows are its items.
    internal static CsvReadResult<T> Of<T>(string role, FileRows<T> rows)
        where T : class =>
        new(
            role,
            rows.Accepted.Select(r => r.Value).ToList().AsReadOnly(),
            ByLine(rows.Errors),
            new CsvRowCounts(rows.Read, rows.Accepted.Count, rows.Read - rows.Accepted.Count)
        );

    // Stable: a row's errors keep the order of its columns.
    internal static IReadOnlyList<CsvRowError> ByLine(List<CsvRowError> errors) => errors.OrderBy(e => e.Line).ToList().AsReadOnly();
}
