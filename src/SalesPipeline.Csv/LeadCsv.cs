using System;
using System.IO;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Leads;

namespace SalesPipeline.Csv;

/// <summary>
/// Reads leads from a CSV file in the canonical format (docs/csv.md, "leads.csv"), or another CRM's export with its
/// columns mapped (<see cref="CsvReadOptions.Columns"/>): the bulk lead import from a spreadsheet.
/// </summary>
/// <remarks>
/// <para>Each row is a lead as it stands: created at <c>created_at</c> by its owner, touched at <c>first_touch_at</c>
/// and <c>last_touch_at</c>, and converted (into <c>deal_id</c>) or disqualified (for <c>disqualification_reason</c>) at
/// <c>closed_at</c>; the lead's <see cref="Lead.History"/> holds those events, so <see cref="Lead.FromEvents"/> rebuilds it.
/// Every bad row is reported as a <see cref="CsvRowError"/> with its line, column, raw value and rule, and reading goes
/// on (unless <see cref="CsvReadOptions.StopAtFirstError"/>); rows read = accepted + rejected.</para>
/// <para>Thread-safe: each call reads its own stream and shares nothing.</para>
/// </remarks>
/// <example>
/// <code>
/// // leads.csv
/// lead_id,name,source,owner,created_at,status,first_touch_at,closed_at,deal_id
/// L-1,Globex (Jane Roe),web,alice,2025-03-03T09:00:00Z,working,2025-03-03T11:30:00Z,,
/// L-2,Initech,referral,bob,2025-03-04T10:00:00Z,converted,2025-03-05T08:00:00Z,2025-03-20T15:00:00Z,D-7
///
/// var result = LeadCsv.ReadFile("leads.csv");
/// Console.WriteLine(result);        // leads: read 2, accepted 2, rejected 0
/// var globex = result.Items[0];     // Working; response time 2.5 hours (created 09:00, first touch 11:30)
/// var initech = result.Items[1];    // Converted into D-7 on 2025-03-20
/// </code>
/// </example>
public static class LeadCsv
{
    /// <summary>Reads a leads file.</summary>
    /// <param name="leads">The file, read from its current position; left open.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>The leads of the accepted rows in file order, every error, and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">
    /// The file is empty, lacks a required column or names a column it reads twice, or <see cref="CsvReadOptions.StopAtFirstError"/> is set and a row is rejected.
    /// </exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CsvReadResult<Lead> Read(Stream leads, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return FileResult.Of(
            LeadRows.File,
            RowReader.Read(leads, LeadRows.Schema, RowReader.CanonicalOptions(options), new LeadRows().Parse)
        );
    }

    /// <summary>Reads a leads file from disk (see <see cref="Read"/>).</summary>
    /// <param name="path">The path of the file.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>The leads of the accepted rows in file order, every error, and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path, or <see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">As for <see cref="Read"/>.</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read (<see cref="FileNotFoundException"/> and the like).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static CsvReadResult<Lead> ReadFile(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var canonical = RowReader.CanonicalOptions(options);
        using var stream = DealCsv.Open(path);
        return Read(stream, canonical);
    }
}
