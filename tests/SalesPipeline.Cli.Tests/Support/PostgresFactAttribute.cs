namespace SalesPipeline.Cli.Tests.Support;

// A fact that needs the PostgreSQL server SALESPIPELINE_POSTGRES names (eng/postgres.sh starts one; .ci/run does): skipped
// on a developer's machine without it, run (and failed without it) under CI=true, as the storage tests are.
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SALESPIPELINE_POSTGRES";

    public PostgresFactAttribute()
    {
        if (ConnectionString is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{Variable} is not set: start a server with `eval \"$(eng/postgres.sh start)\"`.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;
}
