using SalesPipeline.Cli.Input;

namespace SalesPipeline.Cli;

/// <summary>The tool's exit codes: 0 ok, 1 bad input (with every row error on standard error), 2 usage.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The input cannot be reported on: rows rejected, a file or store that does not read.</summary>
    public const int BadInput = 1;

    /// <summary>The command line is wrong: an unknown command or option, a bad option value, a missing file.</summary>
    public const int Usage = 2;

    /// <summary>Prints <paramref name="e"/> and its lines to standard error; returns <see cref="BadInput"/>.</summary>
    public static int Report(CliContext context, BadInputException e)
    {
        context.Error.WriteLine($"error: {e.Message}");
        foreach (var line in e.Lines)
        {
            context.Error.WriteLine($"  {line}");
        }
        return BadInput;
    }
}
