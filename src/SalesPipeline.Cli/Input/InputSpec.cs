using System.Globalization;
using System.IO;
using NodaTime;
using SalesPipeline.Csv;

namespace SalesPipeline.Cli.Input;

/// <summary>The input options of a command, parsed. Immutable.</summary>
/// <param name="Format">The shape of the deals (and history) files.</param>
/// <param name="Deals">The deals file; with <paramref name="Store"/> and <paramref name="Postgres"/> null too, the sample.</param>
/// <param name="History">The history file (canonical history, or Salesforce's Opportunity History report).</param>
/// <param name="Leads">The canonical leads file.</param>
/// <param name="Activities">The canonical activities file.</param>
/// <param name="Quotas">The canonical quotas file.</param>
/// <param name="PipelineFile">A pipeline definition as JSON (SalesPipeline.Json); the default pipeline when null.</param>
/// <param name="Store">A SQLite store.</param>
/// <param name="Postgres">A PostgreSQL connection string.</param>
/// <param name="PostgresSchema">The schema of the PostgreSQL store; the library's default when null.</param>
/// <param name="AsOf">The as-of date; when null, the sample's, else today in <paramref name="Zone"/>.</param>
/// <param name="Zone">The time zone of the dates (and of instants without an offset in CSV files).</param>
/// <param name="Currency">The reporting currency, also the currency of CSV amounts without one.</param>
/// <param name="Owner">Only this owner's deals.</param>
/// <param name="Team">Only the deals of this team's members (with its subteams).</param>
/// <param name="Culture">The culture of the CSV files' dates and numbers; invariant when null.</param>
/// <param name="Delimiter">The CSV files' delimiter; detected when null.</param>
internal sealed record InputSpec(
    CsvFormat Format,
    FileInfo? Deals,
    FileInfo? History,
    FileInfo? Leads,
    FileInfo? Activities,
    FileInfo? Quotas,
    FileInfo? PipelineFile,
    FileInfo? Store,
    string? Postgres,
    string? PostgresSchema,
    LocalDate? AsOf,
    DateTimeZone? Zone,
    Currency? Currency,
    string? Owner,
    string? Team,
    CultureInfo? Culture = null,
    char? Delimiter = null
)
{
    /// <summary>Whether the data comes from the embedded sample (no files and no store).</summary>
    public bool IsSample => Deals is null && Store is null && Postgres is null;
}
