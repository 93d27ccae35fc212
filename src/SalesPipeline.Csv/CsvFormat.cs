namespace SalesPipeline.Csv;

/// <summary>
/// The shape of the files <see cref="DealCsv"/> reads (<see cref="CsvReadOptions.Format"/>): the canonical format, or the
/// export of a CRM with its headers, value forms and stage history as that CRM writes them.
/// </summary>
/// <remarks>
/// <para>A format sets the headers looked for (matched ignoring case, several per column; a header given in
/// <see cref="CsvReadOptions.Columns"/> wins), how values are read, and where the stage history comes from.
/// <see cref="CsvReadOptions.Culture"/>, <see cref="CsvReadOptions.Zone"/>, <see cref="CsvReadOptions.DefaultCurrency"/>,
/// <see cref="CsvReadOptions.Stages"/> and <see cref="CsvReadOptions.Owners"/> apply to every format.</para>
/// <para>Each format has its page: docs/csv.md (canonical), docs/csv-salesforce.md, docs/csv-hubspot.md and
/// docs/csv-pipedrive.md, with the columns read, their sources and what is not read.</para>
/// </remarks>
public enum CsvFormat
{
    /// <summary>The canonical deals and history files of docs/csv.md (the default).</summary>
    Canonical,

    /// <summary>
    /// A Salesforce "Opportunities" report exported as Details Only CSV (Opportunity ID, Opportunity Name, Opportunity Owner,
    /// Amount, Amount Currency, Stage, Created Date, Close Date, Lead Source), with the report footer recognised, and
    /// optionally the "Opportunity History" report as the history file (Opportunity ID, Last Modified, From Stage, To Stage,
    /// Last Modified By).
    /// </summary>
    Salesforce,

    /// <summary>
    /// A HubSpot deals export (Record ID, Deal Name, Deal owner, Amount, Currency, Deal Stage, Pipeline, Create Date, Close
    /// Date, Closed Lost Reason); the stage history comes from its <c>Date entered "Stage (Pipeline)"</c> columns, so there
    /// is no history file.
    /// </summary>
    HubSpot,

    /// <summary>
    /// A Pipedrive deals export (Deal - ID, Deal - Title, Deal - Value, Deal - Currency of value, Deal - Owner, Deal - Stage,
    /// Deal - Status, Deal - Deal created, Deal - Expected close date, Deal - Won time, Deal - Lost time, Deal - Lost reason,
    /// Deal - Last stage change); no history file (Pipedrive's exports carry no stage history).
    /// </summary>
    Pipedrive,
}
