using System.IO;
using System.Threading.Tasks;
using NodaTime;
using Spectre.Console;

namespace SalesPipeline.Cli.Tests.Support;

// Runs the tool in-process through its entry point, with string writers for standard output and error.
internal static class Tool
{
    // "Today" for runs that give no --as-of: 2026-03-15 in UTC.
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 15, 10, 30);

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(terminal: false, args);

    // terminal: as if standard output were a terminal (the import shows its progress bars then).
    public static async Task<CliRun> RunAsync(bool terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = CliContext.ForWriters(output, error, new FixedClock(Now));
        if (terminal)
        {
            // A terminal as Spectre.Console sees one: ANSI and interactive, so live displays (progress bars) render.
            var console = AnsiConsole.Create(
                new AnsiConsoleSettings
                {
                    Ansi = AnsiSupport.Yes,
                    ColorSystem = ColorSystemSupport.Standard,
                    Interactive = InteractionSupport.Yes,
                    Out = new AnsiConsoleOutput(output),
                }
            );
            context = context with { Console = console, IsTerminal = true };
        }
        var code = await SalesPipelineCli.RunAsync(args, context);
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
