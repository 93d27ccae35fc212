using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Storage.Tests;

// Deals and commands for the store tests: the default pipeline, fixed instants, and random commands that the pipeline
// accepts (a rejected pick is replaced by another, so every command the tests issue is a real change).
internal static class TestDeals
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    // A second pipeline, so queries by pipeline have something to tell apart.
    public static readonly PipelineDefinition Renewals = PipelineDefinition
        .CreateBuilder("Renewals")
        .Stage("Open", 0.5m, ForecastCategory.Pipeline)
        .Won("Won")
        .Lost("Lost")
        .Build();

    // The pipelines every test store is opened with.
    public static readonly PipelineDefinition[] Pipelines = [Pipeline, Renewals];
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly string[] Owners = ["alice", "bob", "carol", "dave"];
    private static readonly string[] Competitors = ["Initech", "Globex", "Hooli"];
    private static readonly string[] Criteria = ["use-case", "technical-fit", "budget"];

    public static Deal Open(string id, string owner = "alice", decimal amount = 10_000m, int closeDay = 15) =>
        Deal.Open(Pipeline, new DealId(id), "Deal " + id, owner, Money.Of(amount, Currency.USD), new LocalDate(2026, 6, closeDay), Start);

    // A won deal: the Qualified stage's exit criteria answered (so the pipeline lets it skip ahead), then won.
    public static Deal Won(Deal deal, Instant at)
    {
        foreach (var criterion in Criteria)
        {
            deal = Pipeline.Answer(deal, criterion, at, deal.Owner!);
        }
        return Pipeline.Win(deal, at, deal.Owner!);
    }

    // One accepted command, one minute after the deal's latest event.
    public static Deal ApplyRandom(Deal deal, Random random)
    {
        var at = deal.LastEventAt + Duration.FromMinutes(1);
        for (var attempt = 0; attempt < 500; attempt++)
        {
            // A closed deal accepts little but a reopening: pick that most of the time, so closed deals move on.
            var command = !deal.IsOpen && random.Next(4) != 0 ? DealCommand.Reopen(at, "alice") : Pick(deal, random, at);
            var result = Pipeline.Apply(deal, command);
            if (result.IsAccepted)
            {
                return result.Deal;
            }
        }
        throw new InvalidOperationException($"No accepted command found for {deal}.");
    }

    private static DealCommand Pick(Deal deal, Random random, Instant at)
    {
        var by = Owners[random.Next(Owners.Length)];
        return random.Next(10) switch
        {
            0 => DealCommand.ChangeAmountTo(Money.Of(random.Next(1, 500) * 100m, Currency.USD), at, by),
            1 => DealCommand.ChangeExpectedCloseTo(new LocalDate(2026, random.Next(1, 13), random.Next(1, 29)), at, by),
            2 => DealCommand.Reassign(Owners[random.Next(Owners.Length)], at, by),
            3 => DealCommand.Answer(Criteria[random.Next(Criteria.Length)], at, by),
            4 => DealCommand.NoteCompetitor(Competitors[random.Next(Competitors.Length)], at, by),
            5 when Pipeline.PermittedMoves(deal) is { Count: > 0 } moves => DealCommand.Move(
                moves[random.Next(moves.Count)].Target.Id,
                at,
                by
            ),
            6 => DealCommand.Win(at, by),
            7 => DealCommand.Lose(LossReason.Price, at, by, Competitors[random.Next(Competitors.Length)]),
            8 => DealCommand.Reopen(at, by),
            _ => DealCommand.OverrideProbabilityTo(random.Next(0, 101) / 100m, at, by),
        };
    }
}
