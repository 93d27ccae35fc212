using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NodaTime.Text;
using SalesPipeline.Cli.Input;
using SalesPipeline.Cli.Output;
using SalesPipeline.Cli.Reports;

namespace SalesPipeline.Cli.Commands;

/// <summary>The report commands: <c>report</c>, <c>forecast</c>, <c>funnel</c>, <c>health</c> and <c>collections</c>.</summary>
internal static class ReportCommand
{
    /// <summary>The command <paramref name="name"/> printing the sections of <paramref name="kind"/>.</summary>
    public static Command Create(string name, string description, ReportKind kind, CliContext context)
    {
        var input = new InputOptions(forImport: false);
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON document (every table, every column) to standard output instead of the tables.",
        };
        var csv = new Option<DirectoryInfo>("--csv")
        {
            Description = "Also write each table as DIR/<table>.csv (docs/export.md).",
            HelpName = "DIR",
        };
        var html = new Option<FileInfo>("--html")
        {
            Description = "Also write the report as one self-contained HTML page with charts.",
            HelpName = "FILE",
        };
        var periods = new Option<int>("--periods")
        {
            Description = "How many fiscal months the forecasts cover, from the month of the as-of date (1 to 36).",
            DefaultValueFactory = _ => 3,
            CustomParser = ParsePeriods,
            HelpName = "N",
        };
        var target = new Option<decimal?>("--target")
        {
            Description =
                "The revenue target of the as-of date's fiscal quarter, in the report's currency: the distribution gives the chance of reaching it (default: the company's quota for the quarter, if any).",
            CustomParser = ParseTarget,
            HelpName = "AMOUNT",
        };

        var command = new Command(name, description);
        input.AddTo(command);
        command.Options.Add(periods);
        command.Options.Add(target);
        command.Options.Add(json);
        command.Options.Add(csv);
        command.Options.Add(html);
        command.SetAction(
            (parse, cancellationToken) =>
                RunAsync(
                    context,
                    kind,
                    input.Read(parse),
                    new ReportSettings(parse.GetValue(periods), parse.GetValue(target)),
                    new ReportOutputs(parse.GetValue(json), parse.GetValue(csv), parse.GetValue(html)),
                    cancellationToken
                )
        );
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context,
        ReportKind kind,
        InputSpec spec,
        ReportSettings settings,
        ReportOutputs outputs,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var data = await DatasetLoader.LoadAsync(spec, context.Clock, progress: null, cancellationToken).ConfigureAwait(false);
            var results = Compute(data, kind, settings);
            var heading = string.Create(
                CultureInfo.InvariantCulture,
                $"SalesPipeline {kind.ToString().ToLowerInvariant()}: {data.Source}, {data.Deals.Count} deals, as of {LocalDatePattern.Iso.Format(data.AsOf)} ({data.Zone.Id}), in {data.Currency.Code}"
            );
            if (outputs.Json)
            {
                JsonReport.Write(context.Output, data, results);
            }
            else
            {
                ConsoleTables.Write(context.Console, heading, results);
            }
            // With --json, standard output holds the document alone: what was written goes to standard error.
            var log = outputs.Json ? context.Error : context.Output;
            if (outputs.Csv is { } directory)
            {
                var files = CsvReport.Write(directory.FullName, results);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {files.Count} CSV files to {directory.FullName}"));
            }
            if (outputs.Html is { } page)
            {
                HtmlOutput.Write(page.FullName, heading, data, results);
                log.WriteLine($"Wrote {page.FullName}");
            }
            return ExitCodes.Ok;
        }
        catch (BadInputException e)
        {
            return ExitCodes.Report(context, e);
        }
        catch (IOException e) when (outputs.Csv is not null || outputs.Html is not null)
        {
            return ExitCodes.Report(context, new BadInputException($"Cannot write the output: {e.Message}", inner: e));
        }
    }

    private static ReportResults Compute(Dataset data, ReportKind kind, ReportSettings settings)
    {
        try
        {
            return ReportBuilder.Build(data, kind, settings);
        }
        catch (Exception e) when (e is ArgumentException or CurrencyMismatchException or MissingExchangeRateException)
        {
            // Data the reports refuse (a quota of a team the organisation does not have, amounts in two currencies).
            throw new BadInputException($"The reports refuse this data: {e.Message}", inner: e);
        }
    }

    private static int ParsePeriods(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var periods) && periods is >= 1 and <= 36)
        {
            return periods;
        }
        result.AddError($"--periods \"{text}\" is not a whole number from 1 to 36.");
        return 0;
    }

    private static decimal? ParseTarget(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var target))
        {
            return target;
        }
        result.AddError($"--target \"{text}\" is not an amount of zero or more written like 250000 or 250000.50.");
        return null;
    }

    private sealed record ReportOutputs(bool Json, DirectoryInfo? Csv, FileInfo? Html);
}
