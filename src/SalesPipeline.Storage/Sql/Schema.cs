namespace SalesPipeline.Storage.Sql;

// The tables of a store, in the engine's types. docs/storing-deals.md shows the result for both engines.
internal static class Schema
{
    // 2: the deals table holds pooled deals (owner may be null), their team and their customer (issue 13).
    public const string Version = "2";

    // The SQL that brings a store of an older schema version to this one, or null when it is at this version. The
    // version-1 deals table cannot hold a pooled deal (owner NOT NULL) and lacks the team and customer: it is rebuilt
    // (SQLite cannot drop a NOT NULL in place) with its rows copied; their new columns are null, which is right, since
    // a version-1 store could not hold a pooled deal or a customer. The caller runs it in the transaction that opens the
    // store, so two processes opening one old store upgrade it once.
    public static string? Upgrade(SqlDialect d, string? found) =>
        found switch
        {
            "1" =>
                $"""
                {d.LockForRebuild("deals")}
                {DealsTable(d, "deals_v2")}
                INSERT INTO {d.Table(
                    "deals_v2"
                )} (deal_id, version, pipeline, name, owner, status, stage_id, amount, currency, expected_close)
                    SELECT deal_id, version, pipeline, name, owner, status, stage_id, amount, currency, expected_close FROM {d.Table(
                    "deals"
                )};
                DROP TABLE {d.Table("deals")};
                ALTER TABLE {d.Table("deals_v2")} RENAME TO deals;
                {d.RenameAfterRebuild("deals_v2", "deals")}
                {DealIndexes(d)}
                UPDATE {d.Table("store_info")} SET value = '{Version}' WHERE name = 'schema-version';
                """,
            _ => null,
        };

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
            {DealsTable(d, "deals")}
            INSERT INTO {d.Table("store_info")} (name, value) VALUES ('schema-version', '{Version}') ON CONFLICT DO NOTHING;
            """;

    // The current-state table of deals. Owner is null while the deal waits in a pool; team is the pool's team it was
    // last put in (kept when a rep is assigned); the customer's two parts are both null or both set.
    private static string DealsTable(SqlDialect d, string name) =>
        $"""
            CREATE TABLE IF NOT EXISTS {d.Table(name)} (
                deal_id text{d.OrdinalCollation} PRIMARY KEY,
                version {d.BigIntType} NOT NULL,
                pipeline text NOT NULL,
                name text NOT NULL,
                owner text,
                status text NOT NULL,
                stage_id text NOT NULL,
                amount text NOT NULL,
                currency text NOT NULL,
                expected_close integer NOT NULL,
                team text,
                customer_id text,
                customer_name text
            );
            """;

    // Run after Upgrade, so the columns exist in a store opened at an older version.
    public static string DealIndexes(SqlDialect d) =>
        $"""
            CREATE INDEX IF NOT EXISTS deals_owner ON {d.Table("deals")} (owner);
            CREATE INDEX IF NOT EXISTS deals_pipeline ON {d.Table("deals")} (pipeline, status);
            CREATE INDEX IF NOT EXISTS deals_expected_close ON {d.Table("deals")} (expected_close);
            CREATE INDEX IF NOT EXISTS deals_team ON {d.Table("deals")} (team);
            CREATE INDEX IF NOT EXISTS deals_customer ON {d.Table("deals")} (customer_id);
            """;
}
