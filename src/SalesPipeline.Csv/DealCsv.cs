using System;
using System.IO;
using NodaTime;
using SalesPipeline.Csv.Reading;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Csv;

/// <summary>
/// Reads deals as they stand, and optionally their history (stage changes and field changes), from CSV files in the canonical format (docs/csv.md), a Salesforce, HubSpot or Pipedrive export (<see cref="CsvReadOptions.Format"/>), or
/// another CRM's export with its columns mapped, and imports them with
/// <see cref="PipelineTransitions.Import(PipelineDefinition, System.Collections.Generic.IEnumerable{DealImport}, Instant)"/>;
/// and writes deals back out in the canonical format (<see cref="Write"/>).
/// </summary>
/// <remarks>
/// <para>Every bad row is reported as a <see cref="CsvRowError"/> with its file, line, column, raw value and the rule it
/// breaks, and reading goes on (unless <see cref="CsvReadOptions.StopAtFirstError"/>): unknown stages, currencies and
/// owners are reported, never guessed, and no value is rounded or clamped. Malformed CSV (bad quotes, a row with another
/// number of fields than the header, a truncated file, invalid UTF-8) is reported the same way. For each file,
/// rows read = accepted + rejected.</para>
/// <para>A deal's rows go together: a deal whose row, one of its history rows or its import is rejected yields no deal,
/// and each of its rows is reported.</para>
/// <para>Thread-safe: each call reads or writes its own streams, and reads the options' maps (<see cref="CsvReadOptions.Owners"/>,
/// <see cref="CsvReadOptions.Stages"/>, <see cref="CsvReadOptions.Fields"/>, <see cref="CsvReadOptions.Columns"/>) without
/// changing them, from up to two threads at once: a map must allow that (the framework's dictionaries do). On a machine
/// with more than one core, <see cref="ReadFiles"/> over two regular files, and <see cref="Read"/> over two seekable
/// <see cref="FileStream"/>s or two <see cref="MemoryStream"/>s, read the deals file and the history file at once, each on
/// its own thread (the results are those of reading one after
/// the other; progress is reported on the calling thread); other streams, which may share state (two entries of one zip archive), are read one after the other.</para>
/// </remarks>
public static partial class DealCsv
{
    /// <summary>Reads a deals file and, optionally, its history file, and imports the deals.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="deals">The deals file (one row per deal as it stands), read from its current position; left open.</param>
    /// <param name="history">The history file (stage rows and field changes, in any order), or null; left open.</param>
    /// <param name="asOf">When the export was taken; see <see cref="PipelineTransitions.Import(PipelineDefinition, System.Collections.Generic.IEnumerable{DealImport}, Instant)"/>.</param>
    /// <param name="options">How to read the files; null for the canonical defaults.</param>
    /// <returns>The imported deals in file order, every error, and the row counts of each file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="deals"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="history"/> is given with <see cref="CsvFormat.HubSpot"/> or <see cref="CsvFormat.Pipedrive"/>, whose
    /// exports have no history file.
    /// </exception>
    /// <exception cref="CsvImportException">
    /// A file is empty, lacks a required column or names a column it reads twice (the error names the header and the
    /// file), a HubSpot export's <c>Date entered</c> column names a stage the pipeline lacks (or two name one stage), or
    /// <see cref="CsvReadOptions.StopAtFirstError"/>
    /// is set and a row is rejected (the error is that row's first).
    /// </exception>
    /// <exception cref="IOException">A stream cannot be read.</exception>
    /// <example>
    /// <para>With the default pipeline, a file of two deals and the history of the first, taken on 2025-12-01:</para>
    /// <code>
    /// // deals.csv
    /// deal_id,owner,amount,currency,stage,created_at,expected_close
    /// D1,alice,1250.50,USD,proposal,2025-03-13T13:36:13Z,2025-06-30
    /// D2,bob,900,USD,closing,2025-04-01T09:00:00Z,2025-07-15
    /// // history.csv
    /// deal_id,at,kind,from_stage,to_stage
    /// D1,2025-03-13T13:36:13Z,created,,prospecting
    /// D1,2025-04-02T10:00:00Z,moved,prospecting,proposal
    ///
    /// var result = DealCsv.Read(PipelineDefinition.Default, deals, history, Instant.FromUtc(2025, 12, 1, 0, 0));
    /// Console.WriteLine(result);
    /// // deals: read 2, accepted 1, rejected 1; history: read 2, accepted 2, rejected 0
    /// // deals line 3, stage = "closing": No stage of pipeline "Default" has this id or name; its stages are ...
    /// var d1 = result.Deals[0]; // USD 1,250.50 in Proposal since 2025-04-02T10:00:00Z, created 2025-03-13
    /// </code>
    /// </example>
    public static CsvImportResult Read(
        PipelineDefinition pipeline,
        Stream deals,
        Stream? history,
        Instant asOf,
        CsvReadOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(deals);
        CheckAsOf(asOf);
        CheckHistory(history is not null, options, nameof(history));
        return new ImportSession(pipeline, options ?? new CsvReadOptions()).Run(deals, history, asOf);
    }

    /// <summary>Reads a deals file and, optionally, its history file from disk, and imports the deals (see <see cref="Read"/>).</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="dealsPath">The path of the deals file.</param>
    /// <param name="historyPath">The path of the history file (stage rows and field changes), or null.</param>
    /// <param name="asOf">When the export was taken.</param>
    /// <param name="options">How to read the files; null for the canonical defaults.</param>
    /// <returns>The imported deals in file order, every error, and the row counts of each file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="dealsPath"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A path is empty or not a valid path, or <paramref name="historyPath"/> is given with <see cref="CsvFormat.HubSpot"/> or
    /// <see cref="CsvFormat.Pipedrive"/>, whose exports have no history file.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    /// <exception cref="CsvImportException">As for <see cref="Read"/>.</exception>
    /// <exception cref="IOException">A file does not exist or cannot be read (<see cref="FileNotFoundException"/> and the like).</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be read.</exception>
    public static CsvImportResult ReadFiles(
        PipelineDefinition pipeline,
        string dealsPath,
        string? historyPath,
        Instant asOf,
        CsvReadOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentException.ThrowIfNullOrEmpty(dealsPath);
        if (historyPath is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(historyPath);
        }
        CheckAsOf(asOf);
        CheckHistory(historyPath is not null, options, nameof(historyPath));
        using var deals = Open(dealsPath);
        using var history = historyPath is null ? null : Open(historyPath);
        return new ImportSession(pipeline, options ?? new CsvReadOptions()).Run(deals, history, asOf);
    }

    // The reader buffers, so the file stream does not.
    internal static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    // HubSpot's history is in its deals file; Pipedrive's exports have none.
    private static void CheckHistory(bool given, CsvReadOptions? options, string name)
    {
        if (given && options?.Format is CsvFormat.HubSpot or CsvFormat.Pipedrive)
        {
            throw new ArgumentException(
                options.Format == CsvFormat.HubSpot
                    ? "The HubSpot format has no history file: the stage history comes from the deals file's Date entered columns. Pass null."
                    : "The Pipedrive format has no history file: Pipedrive's deal exports carry no stage history. Pass null.",
                name
            );
        }
    }

    private static readonly Instant FirstSupportedInstant = Instant.FromUtc(1, 1, 1, 0, 0);

    // Core's import applies the same rule, but only after both files are read: refused here before any reading. The
    // range ends at Instant.MaxValue, so only its start can be passed.
    private static void CheckAsOf(Instant asOf)
    {
        if (asOf < FirstSupportedInstant)
        {
            throw new ArgumentOutOfRangeException(
                nameof(asOf),
                asOf,
                "asOf must be a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z."
            );
        }
    }
}
