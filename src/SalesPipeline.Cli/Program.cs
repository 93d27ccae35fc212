using System.Threading.Tasks;

namespace SalesPipeline.Cli;

/// <summary>The entry point of the <c>sales-pipeline</c> tool: the real console and the system clock.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => SalesPipelineCli.RunAsync(args, CliContext.ForProcess());
}
