using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;

namespace SalesPipeline.Csv.Reading;

// Reads one file of a kind other than deals (leads, activities, payments, quotas): the row loop, the typed cells and the
// errors they raise. A kind's parser reads one row through the typed cells and returns its value, or null after
// reporting at least one error; every cell is checked, so a row with several bad cells has one error per cell.
internal sealed class RowReader
{
    private const string CurrencyRule = "The currency is not an active ISO 4217 code (three capital letters, such as USD).";
    private const string InstantRange = "An instant is from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.";
    private static readonly Instant FirstInstant = NodaTime.Instant.FromUtc(1, 1, 1, 0, 0);

    private readonly CsvReadOptions options;
    private readonly CsvFile file;
    private readonly Schema schema;
    private readonly List<CsvRowError> errors = [];
    private int rowStart;
    private Currency? lastCurrency;

    private RowReader(CsvFile file, Schema schema, CsvReadOptions options)
    {
        this.file = file;
        this.schema = schema;
        this.options = options;
        Values = new Values(options.Culture, options.Zone);
    }

    internal Values Values { get; }

    // The physical line where the current row starts.
    internal long Line { get; private set; }

    internal string Role => schema.Role;

    // Whether the current row has an error so far.
    internal bool HasErrors => errors.Count > rowStart;

    // Reads every row of the file: the accepted values with their lines, every error (malformed rows too), and the
    // number of rows read. A missing required column or an empty file throws CsvImportException, as does the first
    // error with StopAtFirstError.
    internal static FileRows<T> Read<T>(Stream stream, Schema schema, CsvReadOptions options, Func<RowReader, T?> parse)
        where T : class
    {
        // Only the canonical headers (and those CsvReadOptions.Columns gives): the CRM formats read deals alone.
        using var file = CsvFile.Open(
            stream,
            schema.Role,
            schema.Columns,
            [.. schema.Columns.Select(c => new[] { c })],
            schema.Required,
            options
        );
        var reader = new RowReader(file, schema, options);
        var accepted = new List<(long Line, T Value)>();
        while (file.Read(reader.errors, out var line))
        {
            reader.StopIfAsked();
            (reader.Line, reader.rowStart) = (line, reader.errors.Count);
            if (file.Utf8Error(line) is { } invalid)
            {
                reader.Fail(invalid);
                continue;
            }
            if (parse(reader) is { } value && !reader.HasErrors)
            {
                accepted.Add((line, value));
            }
        }
        reader.StopIfAsked();
        return new FileRows<T>(accepted, reader.errors, file.Rows);
    }

    // The options of a kind reader: the defaults when null. A CRM format is refused, not ignored: those formats are deals
    // exports (DealCsv), and a leads or payments file read as canonical under one would be read against the caller's intent.
    internal static CsvReadOptions CanonicalOptions(CsvReadOptions? options)
    {
        options ??= new CsvReadOptions();
        return options.Format == CsvFormat.Canonical
            ? options
            : throw new ArgumentException(
                $"CsvReadOptions.Format {options.Format} is a CRM's deals export, which DealCsv reads; leads, activities, payments and quotas files are read in the canonical format (map another CRM's headers with CsvReadOptions.Columns), so Format must be Canonical.",
                nameof(options)
            );
    }

    // Adds an error; the first one ends the reading when the options say so.
    internal void Fail(CsvRowError error)
    {
        errors.Add(error);
        if (options.StopAtFirstError)
        {
            throw new CsvImportException([error]);
        }
    }

    private void StopIfAsked()
    {
        if (options.StopAtFirstError && errors.Count > 0)
        {
            throw new CsvImportException([errors[0]]);
        }
    }

    // An error in a cell of the current row.
    internal void Bad(int column, string reason) => Fail(Error(column, reason));

    private CsvRowError Error(int column, string reason) =>
        new(schema.Role, Line, file.Header[column] ?? schema.Columns[column], file.Raw(column), reason);

    // Blank as Text has it (Values.IsBlank), so that a cell is never blank to one check and text to another.
    internal bool IsBlank(int column) => Values.IsBlank(file.Cell(column));

    // The cell's text as written, or null when missing or blank.
    internal string? Text(int column) => file.Text(column);

    // The cell's text, or null after reporting it missing.
    internal string? Required(int column, string missing)
    {
        var text = file.Text(column);
        if (text is null)
        {
            Bad(column, missing);
        }
        return text;
    }

    // An owner (a rep): as written, or through CsvReadOptions.Owners when it is set.
    internal string? Owner(int column, string missing)
    {
        var owner = Required(column, missing);
        if (owner is null || options.Owners is not { } owners)
        {
            return owner;
        }
        if (owners.TryGetValue(owner, out var mapped))
        {
            return mapped;
        }
        Bad(column, "The owner is not in CsvReadOptions.Owners.");
        return null;
    }

    // One of a few codes, ignoring case and surrounding spaces; null when blank (reported when `missing` is given), or
    // after reporting an unknown code.
    internal T? Choice<T>(int column, string[] codes, T[] meanings, string rule, string? missing = null)
        where T : struct
    {
        var text = file.Text(column)?.Trim();
        if (text is null)
        {
            if (missing is not null)
            {
                Bad(column, missing);
            }
            return null;
        }
        for (var i = 0; i < codes.Length; i++)
        {
            if (string.Equals(text, codes[i], StringComparison.OrdinalIgnoreCase))
            {
                return meanings[i];
            }
        }
        Bad(column, rule);
        return null;
    }

    // An instant; null when blank (reported when `missing` is given) or bad (reported).
    internal Instant? Instant(int column, string? missing = null)
    {
        if (IsBlank(column))
        {
            if (missing is not null)
            {
                Bad(column, missing);
            }
            return null;
        }
        if (Values.Instant(file.Cell(column), out var at) is { } problem)
        {
            Bad(column, problem);
            return null;
        }
        // Year 0 parses (NodaTime's ISO calendar has it), but Core's values start at year 1.
        if (at < FirstInstant)
        {
            Bad(column, InstantRange);
            return null;
        }
        return at;
    }

    // A date; null when blank (reported when `missing` is given) or bad (reported).
    internal LocalDate? Date(int column, string? missing = null)
    {
        if (IsBlank(column))
        {
            if (missing is not null)
            {
                Bad(column, missing);
            }
            return null;
        }
        if (Values.Date(file.Cell(column), out var date) is { } problem)
        {
            Bad(column, problem);
            return null;
        }
        if (date.Year < 1)
        {
            Bad(column, "A date is from 0001-01-01 to 9999-12-31.");
            return null;
        }
        return date;
    }

    // A whole number from 1 to 999,999,999 (an instalment's number); null when blank, or after reporting it.
    internal int? Number(int column)
    {
        var cell = Values.Trim(file.Cell(column));
        if (cell.IsEmpty)
        {
            return null;
        }
        var value = 0;
        foreach (var b in cell)
        {
            if (b is < (byte)'0' or > (byte)'9' || value >= 100_000_000)
            {
                Bad(column, "A number here is a whole number from 1 to 999999999, digits only.");
                return null;
            }
            value = value * 10 + (b - '0');
        }
        if (value == 0)
        {
            Bad(column, "A number here is a whole number from 1 to 999999999, digits only.");
            return null;
        }
        return value;
    }

    // The currency of the row: the cell's ISO code, else CsvReadOptions.DefaultCurrency, else `fallback`; null after
    // reporting an unknown code or a missing one.
    internal Currency? Currency(int column, Currency? fallback = null)
    {
        var code = file.Text(column);
        if (code is null)
        {
            var currency = options.DefaultCurrency ?? fallback;
            if (currency is null)
            {
                Bad(column, "Every amount has a currency: this row has none and CsvReadOptions.DefaultCurrency is not set.");
            }
            return currency;
        }
        if (lastCurrency is not null && lastCurrency.Code == code)
        {
            return lastCurrency;
        }
        if (SalesPipeline.Currency.TryFromCode(code, out var found))
        {
            return lastCurrency = found;
        }
        Bad(column, CurrencyRule);
        return null;
    }

    // An amount in a currency (null when the currency is unknown: only the number is checked then); null when blank
    // (reported when `missing` is given) or bad (reported). Kept exactly as written: the kind checks its sign and minor
    // units.
    internal Money? Amount(int column, Currency? currency, string? missing)
    {
        if (IsBlank(column))
        {
            if (missing is not null)
            {
                Bad(column, missing);
            }
            return null;
        }
        if (Values.Decimal(file.Cell(column), out var value) is { } problem)
        {
            Bad(column, problem);
            return null;
        }
        if (currency is null)
        {
            return null;
        }
        if (Math.Abs(value) > currency.MaxAmount)
        {
            Bad(
                column,
                string.Create(CultureInfo.InvariantCulture, $"An amount in {currency.Code} is at most {currency.MaxAmount} either way.")
            );
            return null;
        }
        return Money.Of(value, currency);
    }

    // Whether `key` is new in `seen` (which then remembers the current line); else reports the duplicate on `column`.
    internal bool Unique<TKey>(Dictionary<TKey, long> seen, TKey key, int column, string rule, string what)
        where TKey : notnull
    {
        if (seen.TryAdd(key, Line))
        {
            return true;
        }
        Bad(column, string.Create(CultureInfo.InvariantCulture, $"{rule}; {schema.Role} line {seen[key]} has the same {what}."));
        return false;
    }
}

// The rows of one file as read: the accepted values with their lines, every error, and the rows read.
internal sealed record FileRows<T>(List<(long Line, T Value)> Accepted, List<CsvRowError> Errors, long Read);
