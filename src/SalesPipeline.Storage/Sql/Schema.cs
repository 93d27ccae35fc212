namespace SalesPipeline.Storage.Sql;

// The tables of a store, in the engine's types. docs/storing-deals.md shows the result for both engines.
internal static class Schema
{
    public const string Version = "1";

    // A store written by a newer package may hold tables this one does not keep up to date: refuse it.
    public static void CheckVersion(string? found, string where)
    {
        if (!string.Equals(found, Version, System.StringComparison.Ordinal))
        {
            throw new System.InvalidOperationException(
                $"The store at {where} has schema version \"{found}\"; this package reads and writes schema version {Version}. Use the package version that created it."
            );
        }
    }

    public static string Tables(SqlDialect d) =>
        $"""
            CREATE TABLE IF NOT EXISTS {d.Table("store_info")} (
                name text PRIMARY KEY,
                value text NOT NULL
            );
            CREATE TABLE IF NOT EXISTS {d.Table("events")} (
                position {d.BigIntType} PRIMARY KEY,
                stream_kind text NOT NULL,
                stream_key text{d.OrdinalCollation} NOT NULL,
                version {d.BigIntType} NOT NULL,
                append_id {d.AppendIdType} NOT NULL,
                type text NOT NULL,
                data text NOT NULL,
                UNIQUE (stream_kind, stream_key, version)
            );
            CREATE TABLE IF NOT EXISTS {d.Table("streams")} (
                stream_kind text NOT NULL,
                stream_key text{d.OrdinalCollation} NOT NULL,
                version {d.BigIntType} NOT NULL,
                PRIMARY KEY (stream_kind, stream_key)
            );
            CREATE TABLE IF NOT EXISTS {d.Table("appends")} (
                append_id {d.AppendIdType} PRIMARY KEY,
                stream_kind text NOT NULL,
                stream_key text{d.OrdinalCollation} NOT NULL,
                expected_version {d.BigIntType} NOT NULL,
                version {d.BigIntType} NOT NULL,
                first_position {d.BigIntType} NOT NULL,
                last_position {d.BigIntType} NOT NULL,
                content_hash text NOT NULL
            );
            CREATE TABLE IF NOT EXISTS {d.Table("positions")} (
                id integer PRIMARY KEY CHECK (id = 1),
                last_position {d.BigIntType} NOT NULL
            );
            INSERT INTO {d.Table("positions")} (id, last_position) VALUES (1, 0) ON CONFLICT DO NOTHING;
            CREATE TABLE IF NOT EXISTS {d.Table("deals")} (
                deal_id text{d.OrdinalCollation} PRIMARY KEY,
                version {d.BigIntType} NOT NULL,
                pipeline text NOT NULL,
                name text NOT NULL,
                owner text NOT NULL,
                status text NOT NULL,
                stage_id text NOT NULL,
                amount text NOT NULL,
                currency text NOT NULL,
                expected_close integer NOT NULL
            );
            CREATE INDEX IF NOT EXISTS deals_owner ON {d.Table("deals")} (owner);
            CREATE INDEX IF NOT EXISTS deals_pipeline ON {d.Table("deals")} (pipeline, status);
            CREATE INDEX IF NOT EXISTS deals_expected_close ON {d.Table("deals")} (expected_close);
            INSERT INTO {d.Table("store_info")} (name, value) VALUES ('schema-version', '{Version}') ON CONFLICT DO NOTHING;
            """;
}
