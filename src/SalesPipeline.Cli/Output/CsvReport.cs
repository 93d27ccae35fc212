using System.Collections.Generic;
using System.IO;
using System.Linq;
using SalesPipeline.Cli.Reports;
using SalesPipeline.Csv;

namespace SalesPipeline.Cli.Output;

/// <summary>The <c>--csv DIR</c> output: one file per table, <c>DIR/&lt;table name&gt;.csv</c>, written by <see cref="ReportCsv"/>.</summary>
internal static class CsvReport
{
    /// <summary>Writes every table of <paramref name="results"/> into <paramref name="directory"/> (created when missing).</summary>
    /// <returns>The paths written, in order.</returns>
    public static IReadOnlyList<string> Write(string directory, ReportResults results)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var table in results.Sections.SelectMany(s => s.Tables).Distinct())
        {
            var path = Path.Combine(directory, table.Name + ".csv");
            ReportCsv.WriteFile(table, path);
            written.Add(path);
        }
        return written;
    }
}
