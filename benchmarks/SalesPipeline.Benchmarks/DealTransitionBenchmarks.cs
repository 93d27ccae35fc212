using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// 1,000,000 Apply calls: 1,000 deals, each taken through 1,000 accepted moves (forward through the open stages
// and back to the start), as a CRM replaying a busy day's commands. Goal (design.md): >= 5,000,000 Apply per second.
[MemoryDiagnoser]
[MedianColumn]
public class DealTransitionBenchmarks
{
    private const int Deals = 1_000;
    private const int CommandsPerDeal = 1_000;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private Deal[] deals = [];
    private DealCommand[] commands = [];
    private DealCommand[] rejectedCommands = [];

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DealGenerator(
            new DealGeneratorOptions
            {
                Count = Deals,
                Pipeline = Pipeline,
                Owners = 50,
                MinimumAmount = Money.Of(10_000m, Currency.USD),
                MaximumAmount = Money.Of(10_999m, Currency.USD),
                CreatedFrom = Start,
                CloseFrom = new LocalDate(2026, 6, 30),
                CloseDays = 1,
            }
        );
        // Every exit criterion answered, so every move of the cycle is accepted.
        deals = generator.Generate(
            (deal, _) =>
            {
                foreach (var criterion in Pipeline.ExitCriteria)
                {
                    deal = Pipeline.Answer(deal, criterion.Id, Start, "setup");
                }
                return deal;
            }
        );
        string[] cycle = ["qualified", "proposal", "negotiation", "prospecting"];
        commands = new DealCommand[CommandsPerDeal];
        for (var k = 0; k < CommandsPerDeal; k++)
        {
            commands[k] = DealCommand.Move(cycle[k % cycle.Length], Start + Duration.FromMinutes(k + 1), "rep");
        }

        rejectedCommands = new DealCommand[CommandsPerDeal];
        for (var k = 0; k < CommandsPerDeal; k++)
        {
            rejectedCommands[k] = DealCommand.Move("proposal", Start - Duration.FromMinutes(1), "rep");
        }
    }

    [Benchmark(OperationsPerInvoke = Deals * CommandsPerDeal)]
    public Deal ApplyAccepted()
    {
        Deal last = deals[0];
        foreach (var start in deals)
        {
            var deal = start;
            foreach (var command in commands)
            {
                deal = Pipeline.Apply(deal, command).Deal;
            }
            last = deal;
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Deals * CommandsPerDeal)]
    public int ApplyRejected()
    {
        var rejections = 0;
        foreach (var deal in deals)
        {
            foreach (var command in rejectedCommands)
            {
                rejections += Pipeline.Apply(deal, command).Rejections.Count;
            }
        }
        return rejections;
    }
}
