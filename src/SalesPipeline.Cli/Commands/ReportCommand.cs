using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
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
        }.AcceptNewOrExistingFolder();
        var html = new Option<FileInfo>("--html")
        {
            Description = "Also write the report as one self-contained HTML page with charts.",
            HelpName = "FILE",
        }.AcceptNewOrExistingFile();
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
        command.Validators.Add(result =>
        {
            // From the tokens: GetValue throws when either option's own parse failed (that error is reported already).
            if (
                result.GetResult(input.Currency) is { Tokens: [var code] }
                && Currency.TryFromCode(code.Value, out var currency)
                && currency is not null
                && result.GetResult(target) is { Tokens: [var amount] }
                && decimal.TryParse(amount.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && CheckTarget(value, currency) is { } error
            )
            {
                result.AddError(error);
            }
        });
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
            if (CheckTarget(settings.Target, data.Currency) is { } tooLarge)
            {
                // Nothing has been printed yet: the same message and code as a usage error found while parsing.
                context.Error.WriteLine($"usage: {tooLarge}");
                return ExitCodes.Usage;
            }
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && (outputs.Csv is not null || outputs.Html is not null))
        {
            // The checks at parse time cannot see everything: a read-only folder, a full disk, a file another program holds.
            return ExitCodes.Report(context, new BadInputException($"Cannot write the output: {e.Message}", inner: e));
        }
    }

    private static ReportResults Compute(Dataset data, ReportKind kind, ReportSettings settings)
    {
        try
        {
            return ReportBuilder.Build(data, kind, settings);
        }
        catch (Exception e) when (e is CurrencyMismatchException or MissingExchangeRateException)
        {
            // Data the reports refuse: amounts in two currencies (the quotas' own refusals are caught where attainment
            // is computed). Any other exception is a bug of the tool and surfaces as one.
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
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var target) || target <= 0m)
        {
            result.AddError($"--target \"{text}\" is not an amount above zero written like 250000 or 250000.50.");
            return null;
        }
        if (target > LargestAmount)
        {
            result.AddError(TooLarge(text, LargestAmount, "any currency"));
            return null;
        }
        return target;
    }

    // The largest amount Money holds in any currency (10^18 minor units at no decimals); the report's own currency,
    // known once --currency is read or the deals are, may allow less.
    private static readonly decimal LargestAmount = Currency.All.Max(c => c.MaxAmount);

    private static string TooLarge(string text, decimal max, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"--target \"{text}\" is above {max:#,##0}, the largest amount of {currency}.");

    // A target beyond the report currency's Money range: a usage error, found once the currency is known.
    private static string? CheckTarget(decimal? target, Currency currency) =>
        target is { } t && t > currency.MaxAmount
            ? TooLarge(t.ToString(CultureInfo.InvariantCulture), currency.MaxAmount, currency.Code)
            : null;

    private sealed record ReportOutputs(bool Json, DirectoryInfo? Csv, FileInfo? Html);
}
