namespace SalesPipeline.Csv;

/// <summary>How far the reading of one file has come, reported through <see cref="CsvReadOptions.Progress"/>.</summary>
/// <param name="File">The file's role, as in <see cref="CsvRowError.File"/>.</param>
/// <param name="Rows">The data rows read so far.</param>
/// <param name="Bytes">The bytes read from the stream so far (the reader reads ahead of the rows by up to its buffer).</param>
/// <remarks>
/// Reported every 65,536 rows and once when the file is read to its end, never per row; the history file's reports may
/// come between the deals file's (see <see cref="CsvReadOptions.Progress"/>). Immutable; thread-safe.
/// </remarks>
public readonly record struct CsvProgress(string File, long Rows, long Bytes);
