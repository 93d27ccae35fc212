using System.IO;
using NodaTime;
using Spectre.Console;

namespace SalesPipeline.Cli;

/// <summary>
/// Where a run of the tool writes and what it reads the time from: the real console and clock in
/// <see cref="Program"/>, string writers and a fixed clock in the tests. Not thread-safe (one run at a time).
/// </summary>
/// <param name="Output">Standard output: JSON, help and plain lines.</param>
/// <param name="Error">Standard error: usage and input errors.</param>
/// <param name="Console">The console the tables and progress bars are written to (over <paramref name="Output"/>).</param>
/// <param name="Clock">The clock that gives "today" when no as-of date is given.</param>
/// <param name="IsTerminal">Whether standard output is a terminal: progress bars are shown only then.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, IAnsiConsole Console, IClock Clock, bool IsTerminal)
{
    /// <summary>
    /// A context over plain writers: no colour, no terminal, tables <paramref name="width"/> characters wide at most.
    /// </summary>
    public static CliContext ForWriters(TextWriter output, TextWriter error, IClock clock, int width = 200)
    {
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            }
        );
        console.Profile.Width = width;
        return new CliContext(output, error, console, clock, IsTerminal: false);
    }

    /// <summary>The process's own console, error stream and system clock.</summary>
    public static CliContext ForProcess()
    {
        var terminal = !System.Console.IsOutputRedirected;
        if (terminal)
        {
            return new CliContext(System.Console.Out, System.Console.Error, AnsiConsole.Console, SystemClock.Instance, IsTerminal: true);
        }
        // Redirected to a file or a pipe: no colour codes, and wide enough that rows do not wrap.
        return ForWriters(System.Console.Out, System.Console.Error, SystemClock.Instance) with { IsTerminal = false };
    }
}
