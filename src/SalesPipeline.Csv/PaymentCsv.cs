using System;
using System.Collections.Generic;
using System.IO;
using SalesPipeline.Collections;
using SalesPipeline.Csv.Reading;

namespace SalesPipeline.Csv;

/// <summary>
/// Reads payments, refunds and reversals from a CSV file in the canonical format (docs/csv.md, "payments.csv"), or
/// another system's export with its columns mapped (<see cref="CsvReadOptions.Columns"/>), and records them in the
/// collection schedules of their contracts.
/// </summary>
/// <remarks>
/// <para>Each row names its contract (<c>contract_id</c>, a <see cref="ContractInfo.ContractId"/> of the schedules
/// given). A row is checked on its own first (its cells, its kind's columns, the schedule's currency and instalment
/// numbers); then each contract's accepted rows are recorded with <see cref="CollectionSchedule.Record"/> in date order
/// (rows of the same date in file order), and a row the schedule rejects (a refund larger than what its payment still
/// holds, a reference already recorded for another entry, ...) is reported on its line with the schedule's reason. A row
/// equal to an entry the schedule already holds is accepted and changes nothing, so reading a file twice counts nothing
/// twice.</para>
/// <para>Every bad row is reported as a <see cref="CsvRowError"/>, and reading goes on (unless
/// <see cref="CsvReadOptions.StopAtFirstError"/>); rows read = accepted + rejected, where accepted rows are those
/// recorded.</para>
/// <para>Thread-safe: each call reads its own stream; the schedules are immutable.</para>
/// </remarks>
/// <example>
/// <code>
/// // A contract of USD 10,000.00 signed 2026-01-31: 30% at signing, the balance in two monthly instalments.
/// var terms = PaymentTerms.Create(TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2));
/// var schedule = CollectionSchedule.Create(Money.Of(10_000m, Currency.USD), new LocalDate(2026, 1, 31), terms,
///     new ContractInfo("C-1", "Globex", "alice"));
/// // payments.csv
/// contract_id,reference,kind,on,amount,currency,instalment,payment_reference,reason
/// C-1,WIRE-1,payment,2026-02-02,4000.00,USD,,,
/// C-1,R-1,refund,2026-02-10,500.00,USD,,WIRE-1,overpaid
///
/// var result = PaymentCsv.ReadFile("payments.csv", [schedule]);
/// Console.WriteLine(result); // payments: read 2, accepted 2, rejected 0
/// var status = result.Items[0].StatusAsOf(new LocalDate(2026, 2, 28));
/// // received USD 4,000.00, refunded USD 500.00: #1 (3,000.00) paid, #2 (3,500.00) USD 500.00 paid
/// </code>
/// </example>
public static class PaymentCsv
{
    /// <summary>Reads a payments file and records its rows in the schedules of their contracts.</summary>
    /// <param name="payments">The file, read from its current position; left open.</param>
    /// <param name="schedules">The schedules the rows may name, each with a <see cref="ContractInfo"/> and no contract id twice.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>Every schedule given, in the order given, with the accepted rows recorded; every error; and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payments"/> or <paramref name="schedules"/> or one of the schedules is null.</exception>
    /// <exception cref="ArgumentException">A schedule has no contract, or two schedules are for the same contract id; or <see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">
    /// The file is empty, lacks a required column or names a column it reads twice, or <see cref="CsvReadOptions.StopAtFirstError"/> is set and a row is rejected.
    /// </exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static CsvReadResult<CollectionSchedule> Read(
        Stream payments,
        IEnumerable<CollectionSchedule> schedules,
        CsvReadOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(payments);
        return Run(payments, PaymentRows.Check(schedules), RowReader.CanonicalOptions(options));
    }

    /// <summary>Reads a payments file from disk and records its rows (see <see cref="Read"/>).</summary>
    /// <param name="path">The path of the file.</param>
    /// <param name="schedules">The schedules the rows may name, each with a <see cref="ContractInfo"/> and no contract id twice.</param>
    /// <param name="options">How to read it; null for the canonical defaults.</param>
    /// <returns>Every schedule given, in the order given, with the accepted rows recorded; every error; and the row counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="schedules"/> or one of the schedules is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path; or a schedule has no contract, or two are for the same contract id; or <see cref="CsvReadOptions.Format"/> is not <see cref="CsvFormat.Canonical"/> (the CRM formats are deals exports, read by <see cref="DealCsv"/>).</exception>
    /// <exception cref="CsvImportException">As for <see cref="Read"/>.</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read (<see cref="FileNotFoundException"/> and the like).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static CsvReadResult<CollectionSchedule> ReadFile(
        string path,
        IEnumerable<CollectionSchedule> schedules,
        CsvReadOptions? options = null
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var checkedSchedules = PaymentRows.Check(schedules);
        var canonical = RowReader.CanonicalOptions(options);
        using var stream = DealCsv.Open(path);
        return Run(stream, checkedSchedules, canonical);
    }

    private static CsvReadResult<CollectionSchedule> Run(Stream payments, CollectionSchedule[] schedules, CsvReadOptions options)
    {
        var reader = new PaymentRows(schedules);
        var rows = RowReader.Read(payments, PaymentRows.Schema, options, reader.Parse);
        var (recorded, accepted) = reader.Record(rows.Accepted, rows.Errors, options.StopAtFirstError);
        return new CsvReadResult<CollectionSchedule>(
            PaymentRows.File,
            Array.AsReadOnly(recorded),
            FileResult.ByLine(rows.Errors),
            new CsvRowCounts(rows.Read, accepted, rows.Read - accepted)
        );
    }
}
