using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Cli.Commands;
using SalesPipeline.Cli.Reports;

namespace SalesPipeline.Cli;

/// <summary>
/// The <c>sales-pipeline</c> command line (System.CommandLine): the commands, the parse, and the exit codes of
/// <see cref="ExitCodes"/>. Any parse error (an unknown command or option, a bad value, a missing file, options that do
/// not go together) prints its message and exits with 2 before anything runs. Not thread-safe: one run per context.
/// </summary>
internal static class SalesPipelineCli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to <paramref name="context"/>.</summary>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"usage: {error.Message}");
            }
            context.Error.WriteLine("Run 'sales-pipeline --help' (or 'sales-pipeline <command> --help') for the commands and options.");
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration { Output = context.Output, Error = context.Error };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand CreateRoot(CliContext context) =>
        new(
            "sales-pipeline: reports on a B2B sales pipeline from CRM CSV exports, a SalesPipeline store, or the embedded sample (no input). Exit codes: 0 ok, 1 bad input (every row error is printed), 2 usage."
        )
        {
            ReportCommand.Create(
                "report",
                "Print the whole report: pipeline by stage, both forecasts, the revenue distribution, win rates, funnel, sales cycle, velocity, health, attainment and collections.",
                ReportKind.Report,
                context
            ),
            ReportCommand.Create(
                "forecast",
                "Print the pipeline by stage, the stage-weighted and rep-category forecasts and the revenue distribution (P10/P50/P90, the chance of reaching a target).",
                ReportKind.Forecast,
                context
            ),
            ReportCommand.Create(
                "funnel",
                "Print the win rates (overall and by owner), the funnel, the sales cycle and the sales velocity with its change.",
                ReportKind.Funnel,
                context
            ),
            ReportCommand.Create(
                "health",
                "Print the pipeline health findings, the review shortlist and the coverage of the quarter's target.",
                ReportKind.Health,
                context
            ),
            ReportCommand.Create(
                "collections",
                "Print the receivables aging and the cash forecast of the contracts.",
                ReportKind.Collections,
                context
            ),
            ImportCommand.Create(context),
        };
}
