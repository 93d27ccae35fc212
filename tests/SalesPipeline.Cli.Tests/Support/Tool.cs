using System.IO;
using System.Threading.Tasks;
using NodaTime;

namespace SalesPipeline.Cli.Tests.Support;

// Runs the tool in-process through its entry point, with string writers for standard output and error.
internal static class Tool
{
    // "Today" for runs that give no --as-of: 2026-03-15 in UTC.
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 15, 10, 30);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SalesPipelineCli.RunAsync(args, CliContext.ForWriters(output, error, new FixedClock(Now)));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    public static string SamplePath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Samples", .. parts]);

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "sales-pipeline-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
