using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Cli.Input;
using SalesPipeline.Csv;

namespace SalesPipeline.Cli.Commands;

/// <summary>The input options every command shares, and the checks between them (usage errors: exit code 2).</summary>
internal sealed class InputOptions
{
    public Option<string> Format { get; } =
        new Option<string>("--format")
        {
            Description = "The shape of the deals and history files: canonical, salesforce, hubspot or pipedrive (docs/csv.md).",
            DefaultValueFactory = _ => "canonical",
        }.AcceptOnlyFromAmong("canonical", "salesforce", "hubspot", "pipedrive");

    public Option<FileInfo> Deals { get; } =
        new Option<FileInfo>("--deals")
        {
            Description = "The deals file (canonical deals.csv, a Salesforce opportunities report, a HubSpot or Pipedrive deals export).",
            HelpName = "FILE",
        }.AcceptExistingFile();

    public Option<FileInfo> History { get; } =
        new Option<FileInfo>("--history")
        {
            Description = "The history file (canonical history.csv, or Salesforce's Opportunity History report); needs --deals.",
            HelpName = "FILE",
        }.AcceptExistingFile();

    public Option<FileInfo> Leads { get; } =
        new Option<FileInfo>("--leads") { Description = "A canonical leads file (docs/csv.md).", HelpName = "FILE" }.AcceptExistingFile();

    public Option<FileInfo> Activities { get; } =
        new Option<FileInfo>("--activities")
        {
            Description = "A canonical activities file (docs/csv.md).",
            HelpName = "FILE",
        }.AcceptExistingFile();

    public Option<FileInfo> Quotas { get; } =
        new Option<FileInfo>("--quotas") { Description = "A canonical quotas file (docs/csv.md).", HelpName = "FILE" }.AcceptExistingFile();

    public Option<FileInfo> Pipeline { get; } =
        new Option<FileInfo>("--pipeline")
        {
            Description =
                "The pipeline definition as JSON (docs/json.md); the default pipeline (Prospecting, Qualified, Proposal, Negotiation) when left out.",
            HelpName = "FILE",
        }.AcceptExistingFile();

    public Option<string> Postgres { get; } =
        new Option<string>("--postgres")
        {
            Description = "A PostgreSQL store, by its connection string.",
            HelpName = "CONNECTION",
        }.AcceptConnectionString();

    public Option<string> PostgresSchema { get; } =
        new("--postgres-schema")
        {
            Description = "The schema of the PostgreSQL store (default: sales_pipeline, the library's).",
            HelpName = "SCHEMA",
        };

    public Option<LocalDate?> AsOf { get; } =
        new("--as-of")
        {
            Description =
                "The as-of date (yyyy-MM-dd): the data as it stood at the end of that day; default: the sample's date, or today in --zone.",
            HelpName = "DATE",
            CustomParser = ParseDate,
        };

    public Option<DateTimeZone?> Zone { get; } =
        new("--zone")
        {
            Description =
                "The IANA time zone of dates (and of CSV times without an offset); default: UTC (the sample's own zone for the sample).",
            HelpName = "ZONE",
            CustomParser = ParseZone,
        };

    public Option<Currency?> Currency { get; } =
        new("--currency")
        {
            Description = "The ISO 4217 currency of CSV amounts written without one, and of the report; default: the deals' currency.",
            HelpName = "CODE",
            CustomParser = ParseCurrency,
        };

    public Option<CultureInfo?> Culture { get; } =
        new("--culture")
        {
            Description =
                "The culture the CSV files' dates and numbers are written in (en-US for Salesforce's 7/1/2026 9:00 AM); default: invariant (ISO dates, 1234.56).",
            HelpName = "NAME",
            CustomParser = ParseCulture,
        };

    public Option<char?> Delimiter { get; } =
        new("--delimiter")
        {
            Description = "The CSV files' field delimiter; default: detected among , ; tab and | from the first lines.",
            HelpName = "CHAR",
            CustomParser = ParseDelimiter,
        };

    public Option<string> Owner { get; } = new("--owner") { Description = "Only the deals of this owner.", HelpName = "OWNER" };

    public Option<string> Team { get; } =
        new("--team") { Description = "Only the deals of this team's members, with its subteams.", HelpName = "TEAM" };

    /// <summary>The store option; <c>import</c> creates the file, the reports need it to exist.</summary>
    public Option<FileInfo> Store { get; }

    private readonly bool forImport;

    /// <summary>The options of a report command, or of <c>import</c> (<paramref name="forImport"/>: CSV files into a store
    /// that may not exist yet).</summary>
    public InputOptions(bool forImport)
    {
        this.forImport = forImport;
        Store = new Option<FileInfo>("--store") { Description = "A SQLite store file.", HelpName = "FILE" };
        if (forImport)
        {
            Store.AcceptNewOrExistingFile();
        }
        else
        {
            Store.AcceptExistingFile();
        }
    }

    /// <summary>Adds the options and the checks between them to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        // import stores deals and leads only: the options it would not use are not offered (never silently ignored).
        Option[] options = forImport
            ? [Deals, History, Format, Culture, Delimiter, Pipeline, Leads, Store, Postgres, PostgresSchema, AsOf, Zone, Currency]
            :
            [
                Deals,
                History,
                Format,
                Culture,
                Delimiter,
                Pipeline,
                Leads,
                Activities,
                Quotas,
                Store,
                Postgres,
                PostgresSchema,
                AsOf,
                Zone,
                Currency,
                Owner,
                Team,
            ];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            var deals = result.GetResult(Deals) is not null;
            var store = result.GetResult(Store) is not null;
            var postgres = result.GetResult(Postgres) is not null;
            if (forImport && store && postgres)
            {
                result.AddError("Give one store: --store (SQLite) or --postgres, not both.");
            }
            if (!forImport && (deals ? 1 : 0) + (store ? 1 : 0) + (postgres ? 1 : 0) > 1)
            {
                result.AddError("Give one input: --deals (CSV), --store (SQLite) or --postgres, not several.");
            }
            if (result.GetResult(PostgresSchema) is not null && !postgres)
            {
                result.AddError("--postgres-schema needs --postgres.");
            }
            if (result.GetResult(History) is not null && !deals)
            {
                result.AddError("--history needs --deals (the deals file the history belongs to).");
            }
            if (result.GetResult(Format) is { Implicit: false } && !deals)
            {
                result.AddError("--format is the shape of the --deals file: it needs --deals.");
            }
            if ((result.GetResult(Culture) is not null || result.GetResult(Delimiter) is not null) && !deals)
            {
                result.AddError("--culture and --delimiter describe CSV files: they need --deals.");
            }
        });
    }

    /// <summary>The input the parse result names.</summary>
    public InputSpec Read(ParseResult parse) =>
        new(
            parse.GetValue(Format) switch
            {
                "salesforce" => CsvFormat.Salesforce,
                "hubspot" => CsvFormat.HubSpot,
                "pipedrive" => CsvFormat.Pipedrive,
                _ => CsvFormat.Canonical,
            },
            parse.GetValue(Deals),
            parse.GetValue(History),
            parse.GetValue(Leads),
            parse.GetValue(Activities),
            parse.GetValue(Quotas),
            parse.GetValue(Pipeline),
            parse.GetValue(Store),
            parse.GetValue(Postgres),
            parse.GetValue(PostgresSchema),
            parse.GetValue(AsOf),
            parse.GetValue(Zone),
            parse.GetValue(Currency),
            parse.GetValue(Owner),
            parse.GetValue(Team),
            parse.GetValue(Culture),
            parse.GetValue(Delimiter)
        );

    private static readonly LocalDate EarliestAsOf = new(2, 1, 1);

    private static readonly LocalDate LatestAsOf = new(9996, 12, 31);

    private static LocalDate? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var parsed = LocalDatePattern.Iso.Parse(text);
        // The reports look back from the as-of date (previous quarters, the cycle) and up to 36 periods ahead, and the day
        // ends at the next midnight: the dates kept from the calendar's ends keep every one of those inside it.
        if (parsed.Success && parsed.Value >= EarliestAsOf && parsed.Value <= LatestAsOf)
        {
            return parsed.Value;
        }
        if (parsed.Success)
        {
            result.AddError(
                $"--as-of \"{text}\" is outside {LocalDatePattern.Iso.Format(EarliestAsOf)} to {LocalDatePattern.Iso.Format(LatestAsOf)}: the reports look a year back and up to 36 months ahead of it."
            );
            return null;
        }
        result.AddError($"--as-of \"{text}\" is not a date written yyyy-MM-dd (2026-03-31).");
        return null;
    }

    private static DateTimeZone? ParseZone(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(text);
        if (zone is null)
        {
            result.AddError($"--zone \"{text}\" is not an IANA time zone (UTC, Europe/Paris, America/New_York).");
        }
        return zone;
    }

    private static Currency? ParseCurrency(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (SalesPipeline.Currency.TryFromCode(text, out var currency))
        {
            return currency;
        }
        result.AddError($"--currency \"{text}\" is not an ISO 4217 code in capitals (USD, EUR).");
        return null;
    }

    private static CultureInfo? ParseCulture(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        try
        {
            // Only cultures the machine's ICU data has: an unknown name is refused, never read as the invariant culture.
            return CultureInfo.GetCultureInfo(text, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            result.AddError($"--culture \"{text}\" is not a culture this machine knows (en-US, de-DE, fr-FR).");
            return null;
        }
    }

    private static char? ParseDelimiter(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var delimiter =
            text == "\\t" ? '\t'
            : text.Length == 1 ? text[0]
            : (char?)null;
        // The library's own rule (tab or printable ASCII other than the quote), checked here so it is a usage error.
        if (delimiter is not ('\t' or (> ' ' and < '\u007F' and not '"')))
        {
            result.AddError(
                $"--delimiter \"{text}\" is not one character that can separate fields (tab, written \\t, or printable ASCII other than the quote)."
            );
            return null;
        }
        return delimiter;
    }
}
