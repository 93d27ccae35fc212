using SalesPipeline.Reporting;

namespace SalesPipeline.Tests.Reporting;

// Reads a table by column name, so that a test compares a column with the report's own properties.
internal static class TableAssert
{
    public static object?[] Column(ReportTable table, string name)
    {
        var c = table.IndexOf(name);
        Assert.True(c >= 0, $"{table.Name} has no column {name}; it has {string.Join(", ", table.Columns.Select(x => x.Name))}.");
        return [.. Enumerable.Range(0, table.RowCount).Select(r => table[r, c])];
    }

    public static object? Cell(ReportTable table, int row, string name) => Column(table, name)[row];

    /// <summary>Asserts a column equals the values (ints widened to long, as the table holds them).</summary>
    public static void Equal<T>(ReportTable table, string name, IEnumerable<T> expected) =>
        Assert.Equal(expected.Select(Widen), Column(table, name));

    /// <summary>Asserts the first cells of a column equal the values.</summary>
    public static void Head<T>(ReportTable table, string name, IReadOnlyList<T> expected) =>
        Assert.Equal(expected.Select(Widen), Column(table, name).Take(expected.Count));

    /// <summary>Asserts the two columns of a money value equal the amounts and currencies of the values.</summary>
    public static void Money(ReportTable table, string name, IEnumerable<Money?> expected)
    {
        var list = expected.ToList();
        Assert.Equal(list.Select(m => (object?)m?.Amount), Column(table, name));
        Assert.Equal(list.Select(m => (object?)m?.Currency.Code), Column(table, name + "_currency"));
    }

    /// <summary>Asserts the rules every projected table keeps: each x_currency follows an exact x, and the names are the
    /// documented shapes (dates with period_start and period_end together).</summary>
    public static void WellFormed(ReportTable table)
    {
        var names = table.Columns.Select(c => c.Name).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].EndsWith("_currency", StringComparison.Ordinal) && names[i] != "currency")
            {
                Assert.Equal(names[i][..^"_currency".Length], names[i - 1]);
                Assert.Equal(ColumnType.ExactNumber, table.Columns[i - 1].Type);
                Assert.Equal(ColumnType.Text, table.Columns[i].Type);
            }
            if (names[i].EndsWith("_days", StringComparison.Ordinal) && names[i] != "average_cycle_days")
            {
                Assert.Equal(ColumnType.RealNumber, table.Columns[i].Type);
            }
        }
        Assert.Equal(names.Contains("period_start"), names.Contains("period_end"));
        // A money amount and its currency are both empty or both present, in every row.
        for (var i = 1; i < names.Count; i++)
        {
            if (names[i] == names[i - 1] + "_currency")
            {
                for (var r = 0; r < table.RowCount; r++)
                {
                    Assert.Equal(table[r, i - 1] is null, table[r, i] is null);
                }
            }
        }
    }

    private static object? Widen<T>(T value) =>
        value switch
        {
            int i => (long)i,
            _ => value,
        };
}
