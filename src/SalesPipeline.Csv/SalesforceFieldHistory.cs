using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace SalesPipeline.Csv;

/// <summary>
/// The shape of Salesforce's <b>Opportunity Field History</b> report exported as CSV ("Details Only"): the headers of its
/// columns and the labels of its "Field / Event" column, as maps for <see cref="CsvReadOptions.Columns"/> and
/// <see cref="CsvReadOptions.Fields"/>. Read it as the history file, beside an opportunity report as the deals file.
/// </summary>
/// <remarks>
/// <para>Columns read: Opportunity ID, Field / Event, Old Value, New Value, Edit Date, Edited By. These labels were seen in
/// several independent readers of real exports, not in Salesforce's documentation (docs/csv.md, "Salesforce field
/// history"). Rows of fields not in <see cref="Fields"/> (Next Step, Probability (%), ...) are counted in
/// <see cref="CsvImportResult.IgnoredFields"/>. The export's dates and numbers follow the exporting user's locale: set
/// <see cref="CsvReadOptions.Culture"/> (en-US writes <c>7/1/2026 9:00 AM</c> and <c>10,000.00</c>) and
/// <see cref="CsvReadOptions.Zone"/>, and map the stage labels and owners' full names with
/// <see cref="CsvReadOptions.Stages"/> and <see cref="CsvReadOptions.Owners"/>.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
/// <example><code>
/// var options = new CsvReadOptions
/// {
///     Culture = CultureInfo.GetCultureInfo("en-US"),
///     Columns = SalesforceFieldHistory.Columns, // merge with the deals report's headers when both files are read
///     Fields = SalesforceFieldHistory.Fields,
/// };
/// </code></example>
public static class SalesforceFieldHistory
{
    /// <summary>
    /// The canonical history columns to the report's headers: <c>deal_id</c> "Opportunity ID", <c>field</c> "Field / Event",
    /// <c>old_value</c> "Old Value", <c>new_value</c> "New Value", <c>at</c> "Edit Date", <c>by</c> "Edited By".
    /// </summary>
    public static IReadOnlyDictionary<string, string> Columns { get; } =
        new Dictionary<string, string>
        {
            ["deal_id"] = "Opportunity ID",
            ["field"] = "Field / Event",
            ["old_value"] = "Old Value",
            ["new_value"] = "New Value",
            ["at"] = "Edit Date",
            ["by"] = "Edited By",
        }.ToFrozenDictionary();

    /// <summary>
    /// The report's field labels to canonical fields, ignoring case: "Amount" <c>amount</c>, "Close Date"
    /// <c>expected_close</c>, "Opportunity Owner" and "Owner" <c>owner</c>, "Stage" <c>stage</c> (old and new values are
    /// stage labels), "Created." <c>created</c> (the creation row).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Fields { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Amount"] = "amount",
            ["Close Date"] = "expected_close",
            ["Opportunity Owner"] = "owner",
            ["Owner"] = "owner",
            ["Stage"] = "stage",
            ["Created."] = "created",
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
