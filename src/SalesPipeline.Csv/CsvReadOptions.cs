using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Csv.Reading;

namespace SalesPipeline.Csv;

/// <summary>
/// How <see cref="DealCsv"/> (and <see cref="LeadCsv"/>, <see cref="ActivityCsv"/>, <see cref="PaymentCsv"/>, <see cref="QuotaCsv"/>) reads a file: the culture of numbers and dates, the delimiter, the zone of date-times written
/// without an offset, the default currency, and the maps from another CRM's stage labels, owners and headers.
/// </summary>
/// <remarks>
/// <para>The defaults read the canonical format (docs/csv.md): invariant culture, the delimiter detected, UTC, no
/// default currency, stages by id or name, owners as written, canonical headers, every error collected.</para>
/// <para>Immutable (the maps are read, never changed, while a file is read; do not change them meanwhile); thread-safe.</para>
/// </remarks>
/// <example><code>
/// var options = new CsvReadOptions
/// {
///     Culture = CultureInfo.GetCultureInfo("de-DE"), Delimiter = ';', Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"],
///     DefaultCurrency = Currency.EUR, Stages = new Dictionary&lt;string, string&gt; { ["Angebot"] = "proposal" },
/// };
/// </code></example>
public sealed record CsvReadOptions
{
    /// <summary>The culture of decimals (amounts, probabilities) and of short dates; the invariant culture by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public CultureInfo Culture
    {
        get;
        init =>
            field =
                value ?? throw new ArgumentNullException(nameof(Culture), "Culture must not be null; use CultureInfo.InvariantCulture.");
    } = CultureInfo.InvariantCulture;

    /// <summary>The delimiter; null (the default) detects it among <c>,</c> <c>;</c> tab and <c>|</c> from the first lines.</summary>
    /// <exception cref="ArgumentException">The value is not tab or a printable ASCII character other than the quote.</exception>
    public char? Delimiter
    {
        get;
        init =>
            field =
                value is not { } c || c == '\t' || (c is >= ' ' and < '\u007f' && c != '"')
                    ? value
                    : throw new ArgumentException(
                        $"Delimiter '{c}' (U+{(int)c:X4}) cannot separate fields: a delimiter is tab or a printable ASCII character other than the quote.",
                        nameof(Delimiter)
                    );
    }

    /// <summary>The zone of date-times written without an offset; UTC by default. A value with <c>Z</c> or an offset keeps it.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public DateTimeZone Zone
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Zone), "Zone must not be null; use DateTimeZone.Utc.");
    } = DateTimeZone.Utc;

    /// <summary>The currency of amounts when the file has no <c>currency</c> column or a row leaves it empty; none by default (then the currency is required).</summary>
    public Currency? DefaultCurrency { get; init; }

    /// <summary>
    /// The file's stage labels, each to a stage id of the pipeline; a label not in it is an error. When null (the default),
    /// a label matches a stage's id or name, ignoring case.
    /// </summary>
    /// <exception cref="ArgumentException">A label or a stage id is null or blank.</exception>
    public IReadOnlyDictionary<string, string>? Stages
    {
        get;
        init => field = CheckMap(value, nameof(Stages));
    }

    /// <summary>
    /// The file's owners, each to the owner the deals get (and the leads, the activities and people's quotas); when set, an
    /// owner not in it is an error. When null (the default), owners are taken as written.
    /// </summary>
    /// <exception cref="ArgumentException">A key or value is null or blank.</exception>
    public IReadOnlyDictionary<string, string>? Owners
    {
        get;
        init => field = CheckMap(value, nameof(Owners));
    }

    /// <summary>
    /// The headers of another CRM's export: a canonical column name of any kind of file (docs/csv.md, such as <c>deal_id</c>,
    /// <c>at</c> or <c>contract_id</c>) to the header this file uses for it. Columns not in it keep their canonical header,
    /// or those of <see cref="Format"/>; a header given here wins over the format's.
    /// </summary>
    /// <exception cref="ArgumentException">A key is not a canonical column name, or a header is null or blank.</exception>
    public IReadOnlyDictionary<string, string>? Columns
    {
        get;
        init
        {
            foreach (var name in CheckMap(value, nameof(Columns))?.Keys ?? [])
            {
                if (!CanonicalColumns.IsCanonical(name))
                {
                    throw new ArgumentException(
                        $"Columns maps \"{name}\", which is not a canonical column; the canonical columns are {CanonicalColumns.List}.",
                        nameof(Columns)
                    );
                }
            }
            field = value;
        }
    }

    /// <summary>
    /// The shape of the files: <see cref="CsvFormat.Canonical"/> (the default), or a CRM's export, whose headers, value
    /// forms and stage history the format knows (see <see cref="CsvFormat"/>). The other options apply to every format.
    /// The CRM formats are deals exports: <see cref="LeadCsv"/>, <see cref="ActivityCsv"/>, <see cref="PaymentCsv"/> and
    /// <see cref="QuotaCsv"/> refuse them with an <see cref="ArgumentException"/> (map another CRM's headers with
    /// <see cref="Columns"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="CsvFormat"/>.</exception>
    public CsvFormat Format
    {
        get;
        init =>
            field = Enum.IsDefined(value)
                ? value
                : throw new ArgumentOutOfRangeException(nameof(Format), value, "Format is Canonical, Salesforce, HubSpot or Pipedrive.");
    }

    /// <summary>
    /// The labels a field-history export writes in its <c>field</c> column, each to a canonical field name: <c>amount</c>,
    /// <c>expected_close</c>, <c>owner</c>, <c>stage</c> or <c>created</c> (docs/csv.md, "Field changes"). When set, a row
    /// whose label is not in it is a field the library does not track: it is not read, counted as accepted with its deal
    /// and reported in <see cref="CsvImportResult.IgnoredFields"/>. When null (the default), the column holds the canonical
    /// names themselves, ignoring case, and any other value is an error. Labels are looked up with the dictionary's own
    /// comparer. <see cref="SalesforceFieldHistory.Fields"/> is the map of Salesforce's Opportunity Field History report.
    /// </summary>
    /// <exception cref="ArgumentException">A label is null or blank, or a value is not a canonical field name.</exception>
    public IReadOnlyDictionary<string, string>? Fields
    {
        get;
        init
        {
            foreach (var (label, name) in CheckMap(value, nameof(Fields)) ?? new Dictionary<string, string>())
            {
                if (Array.IndexOf(CanonicalColumns.FieldNames, name) < 0)
                {
                    throw new ArgumentException(
                        $"Fields maps \"{label}\" to \"{name}\", which is not a canonical field; the canonical fields are {string.Join(", ", CanonicalColumns.FieldNames)}.",
                        nameof(Fields)
                    );
                }
            }
            field = value;
        }
    }

    /// <summary>Whether the first error ends the import with a <see cref="CsvImportException"/>; false (the default) collects every error.</summary>
    public bool StopAtFirstError { get; init; }

    /// <summary>Receives <see cref="CsvProgress"/> every 65,536 rows and at the end of each file; none by default.</summary>
    /// <remarks>
    /// <see cref="DealCsv.ReadFiles"/> over two regular files, and <see cref="DealCsv.Read"/> over two seekable <see cref="System.IO.FileStream"/>s or two
    /// <see cref="System.IO.MemoryStream"/>s, read the deals file and the history file at once on a machine with more than
    /// one core. Every report still comes on the calling thread, each file's in order (its row count never goes down),
    /// but the history file's reports may come between the deals file's: each comes after the deals file's next report,
    /// or at its end. The history file's last report comes after the deals file's last, as when one file is read after
    /// the other.
    /// </remarks>
    public IProgress<CsvProgress>? Progress { get; init; }

    private static IReadOnlyDictionary<string, string>? CheckMap(IReadOnlyDictionary<string, string>? map, string name)
    {
        if (map is null)
        {
            return null;
        }
        foreach (var (key, value) in map)
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{name} maps \"{key}\" to \"{value}\"; neither may be null or blank.", name);
            }
        }
        return map;
    }
}
