using Npgsql;
using SalesPipeline.Storage.PostgreSql;
using SalesPipeline.Storage.Sql;
using SalesPipeline.Storage.Sqlite;

namespace SalesPipeline.Storage.Tests;

public class SchemaDocsTests
{
    private static string StoringDeals()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
        {
            dir = dir.Parent;
        }
        return File.ReadAllText(Path.Combine(dir!.FullName, "docs", "storing-deals.md")).ReplaceLineEndings("\n");
    }

    // The tables, then the indexes (created after an upgrade from an older schema version has added their columns).
    private static string Both(SqlDialect d) => (Schema.Tables(d) + "\n" + Schema.DealIndexes(d)).ReplaceLineEndings("\n");

    [Fact]
    public void The_schema_shown_in_the_docs_is_the_schema_each_engine_creates()
    {
        var docs = StoringDeals();
        Assert.Contains(Both(new SqliteDialect("Data Source=x.db", 1, SqliteDurability.PowerLoss)), docs, StringComparison.Ordinal);
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        Assert.Contains(Both(new PostgreSqlDialect(dataSource, "sales_pipeline", false)), docs, StringComparison.Ordinal);
    }
}
