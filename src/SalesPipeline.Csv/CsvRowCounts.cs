namespace SalesPipeline.Csv;

/// <summary>The rows of one file: read = accepted + rejected, always.</summary>
/// <param name="Read">The data rows read (the header is not a row; a malformed row counts).</param>
/// <param name="Accepted">The rows that became part of an imported deal (or a lead, activity or quota, or were recorded in a schedule).</param>
/// <param name="Rejected">The rows with at least one <see cref="CsvRowError"/>.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct CsvRowCounts(long Read, long Accepted, long Rejected);
