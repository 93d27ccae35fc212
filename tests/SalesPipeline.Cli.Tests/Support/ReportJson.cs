using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Reporting;

namespace SalesPipeline.Cli.Tests.Support;

// The --json document read back: its tables as lists of rows (column name to JSON value).
internal sealed class ReportJson
{
    private ReportJson(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static ReportJson Parse(string json) => new(JsonDocument.Parse(json).RootElement.Clone());

    public IReadOnlyList<JsonElement> Table(string name) => [.. Root.GetProperty("tables").GetProperty(name).EnumerateArray()];

    public IEnumerable<string> TableNames => Root.GetProperty("tables").EnumerateObject().Select(p => p.Name);

    // The one row of a table whose column holds the value.
    public JsonElement Row(string table, string column, string value) =>
        Assert.Single(
            Table(table),
            r => r.GetProperty(column).ValueKind == JsonValueKind.String && r.GetProperty(column).GetString() == value
        );

    public static decimal Money(JsonElement row, string column, string currency = "USD")
    {
        Assert.Equal(currency, row.GetProperty(column + "_currency").GetString());
        return row.GetProperty(column).GetDecimal();
    }

    // Every cell of a table the library made (the second path) equals the row the tool wrote, column by column.
    public void AssertSameAs(ReportTable expected)
    {
        var rows = Table(expected.Name);
        Assert.Equal(expected.RowCount, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal(expected.Columns.Select(c => c.Name), rows[r].EnumerateObject().Select(p => p.Name));
            for (var c = 0; c < expected.Columns.Count; c++)
            {
                var value = rows[r].GetProperty(expected.Columns[c].Name);
                object? got = expected[r, c] switch
                {
                    null => value.ValueKind == JsonValueKind.Null ? null : value.GetRawText(),
                    string => value.GetString(),
                    long => value.GetInt64(),
                    decimal => value.GetDecimal(),
                    double => value.GetDouble(),
                    bool => value.GetBoolean(),
                    LocalDate => LocalDatePattern.Iso.Parse(value.GetString()!).Value,
                    Instant => InstantPattern.ExtendedIso.Parse(value.GetString()!).Value,
                    _ => throw new InvalidOperationException("Unknown cell type."),
                };
                Assert.Equal(expected[r, c], got);
            }
        }
    }
}
