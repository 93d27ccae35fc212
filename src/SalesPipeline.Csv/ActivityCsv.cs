using System;
using System.IO;
using SalesPipeline.Activities;
using SalesPipeline.Csv.Reading;

namespace SalesPipeline.Csv;

/// <summary>
/// Reads activities (calls, emails, meetings, demos) from a CSV file in the canonical format (docs/csv.md,
/// "activities.csv"), or another CRM's export with its columns mapped (<see cref="CsvReadOptions.Columns"/>).
/// </summary>
/// <remarks>
/// <para>Each row is one <see cref="Activity"/> about one deal or one lead; <see cref="ActivityIndex.Create"/> indexes
/// the result. Every bad row is reported as a <see cref="CsvRowError"/> with its line, column, raw value and rule, and
/// reading goes on (unless <see cref="CsvReadOptions.StopAtFirstError"/>); rows read = accepted + rejected. The
/// deal and lead ids are not checked against deals or leads: the file is read on its own.</para>
/// <para>Thread-safe: each call reads its own stream and shares nothing.</para>
/// </remarks>
/// <example>
/// <code>
/// // activities.csv
/// activity_id,kind,at,owner,deal_id,lead_id,outcome
/// A-1,call,2025-03-03T11:30:00Z,alice,,L-1,connected
/// A-2,Demo,2025-03-10 14:00,alice,D-7,,completed
///
/// var result = ActivityCsv.ReadFile("activities.csv");
/// Console.WriteLine(result); // activities: read 2, accepted 2, rejected 0
/// var index = ActivityIndex.Create(result.GetItemsOrThrow());
/// index.ForDeal(new DealId("D-7")).Count; // 1: the demo on 2025-03-10 at 14:00 UTC
/// </code>
/// </example>
public static class ActivityCsv
{
    /// <summary>Reads an activities file.</summary>
    /// <param name="activities">The file, read from its current position; left open.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>The activities of the accepted rows in file order, every error, and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">
    /// The file is empty, lacks a required column or names a column it reads twice, or <see cref="CsvReadOptions.StopAtFirstError"/> is set and a row is rejected.
    /// </exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CsvReadResult<Activity> Read(Stream activities, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return FileResult.Of(
            ActivityRows.File,
            RowReader.Read(activities, ActivityRows.Schema, RowReader.CanonicalOptions(options), new ActivityRows().Parse)
        );
    }

    /// <summary>Reads an activities file from disk (see <see cref="Read"/>).</summary>
    /// <param name="path">The path of the file.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>The activities of the accepted rows in file order, every error, and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path, or <see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">As for <see cref="Read"/>.</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read (<see cref="FileNotFoundException"/> and the like).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static CsvReadResult<Activity> ReadFile(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var canonical = RowReader.CanonicalOptions(options);
        using var stream = DealCsv.Open(path);
        return Read(stream, canonical);
    }
}
