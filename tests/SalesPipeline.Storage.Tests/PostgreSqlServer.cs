namespace SalesPipeline.Storage.Tests;

// Where the PostgreSQL tests find their server: eng/postgres.sh (and .ci/run through it) exports the connection string.
internal static class PostgreSqlServer
{
    public const string Variable = "SALESPIPELINE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    private static bool UnderCi => Environment.GetEnvironmentVariable("CI") == "true";

    // Skipped only off CI and only when no server was configured; a configured but unreachable server fails the tests.
    public static string? SkipReason =>
        ConnectionString is null && !UnderCi
            ? $"{Variable} is not set: start a server with `eval \"$(eng/postgres.sh start)\"` (CI=true runs these tests and fails them without one)."
            : null;

    public static string RequireConnectionString() =>
        ConnectionString
        ?? throw new InvalidOperationException(
            $"{Variable} is not set and CI=true: a PostgreSQL test must not pass without its server. .ci/run starts one with eng/postgres.sh."
        );
}
