using System;
using System.IO;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Targets;

namespace SalesPipeline.Csv;

/// <summary>
/// Reads sales targets from a CSV file in the canonical format (docs/csv.md, "quotas.csv"), or another CRM's export with
/// its columns mapped (<see cref="CsvReadOptions.Columns"/>).
/// </summary>
/// <remarks>
/// <para>Each row is one <see cref="Quota"/>: a target for a person, a team or the company over a period of days, ready
/// for <see cref="Attainment"/> or <see cref="QuotaAssignment"/>. Every bad row is reported as a <see cref="CsvRowError"/>
/// with its line, column, raw value and rule, and reading goes on (unless <see cref="CsvReadOptions.StopAtFirstError"/>);
/// rows read = accepted + rejected.</para>
/// <para>Thread-safe: each call reads its own stream and shares nothing.</para>
/// </remarks>
/// <example>
/// <code>
/// // quotas.csv
/// level,subject_id,period,start,end,target,currency
/// team,emea,FY2026 Q1,2026-01-01,2026-03-31,1000000,USD
/// person,alice,FY2026 Q1,2026-01-01,2026-03-31,400000,USD
/// person,bob,FY2026 Q1,2026-01-01,2026-03-31,650000,USD
///
/// var quotas = QuotaCsv.ReadFile("quotas.csv").GetItemsOrThrow();
/// QuotaAssignment.Of(quotas[0], quotas.Skip(1)).Difference; // USD 50,000.00 over-assigned (400,000 + 650,000 - 1,000,000)
/// </code>
/// </example>
public static class QuotaCsv
{
    /// <summary>Reads a quotas file.</summary>
    /// <param name="quotas">The file, read from its current position; left open.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>The quotas of the accepted rows in file order, every error, and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quotas"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">
    /// The file is empty, lacks a required column or names a column it reads twice, or <see cref="CsvReadOptions.StopAtFirstError"/> is set and a row is rejected.
    /// </exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CsvReadResult<Quota> Read(Stream quotas, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        return FileResult.Of(
            QuotaRows.File,
            RowReader.Read(quotas, QuotaRows.Schema, RowReader.CanonicalOptions(options), new QuotaRows().Parse)
        );
    }

    /// <summary>Reads a quotas file from disk (see <see cref="Read"/>).</summary>
    /// <param name="path">The path of the file.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>The quotas of the accepted rows in file order, every error, and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path, or <see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">As for <see cref="Read"/>.</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read (<see cref="FileNotFoundException"/> and the like).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static CsvReadResult<Quota> ReadFile(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var canonical = RowReader.CanonicalOptions(options);
        using var stream = DealCsv.Open(path);
        return Read(stream, canonical);
    }
}
