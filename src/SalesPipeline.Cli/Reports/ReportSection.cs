using System.Collections.Generic;
using SalesPipeline.Reporting;

namespace SalesPipeline.Cli.Reports;

/// <summary>One section of the report: its title, its tables as the console shows them, and notes. Immutable.</summary>
/// <param name="Title">The section's title (the console's rule, the HTML page's heading).</param>
/// <param name="Views">Its tables, each with how the console shows it.</param>
/// <param name="Notes">Lines printed under the tables (what was left out and why).</param>
internal sealed record ReportSection(string Title, IReadOnlyList<TableView> Views, IReadOnlyList<string> Notes)
{
    /// <summary>The section's tables, whole, in order.</summary>
    public IEnumerable<ReportTable> Tables
    {
        get
        {
            foreach (var view in Views)
            {
                yield return view.Table;
            }
        }
    }
}
