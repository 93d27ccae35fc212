using System.Text.Json;

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
}
