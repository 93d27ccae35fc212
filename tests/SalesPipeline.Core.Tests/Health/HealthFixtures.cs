using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Health;

// Deals for the health tests: opened at a given instant and moved to a stage at another.
internal static class HealthFixtures
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    // Wednesday 1 April 2026, 09:00 UTC: the inspection instant of every worked example.
    public static readonly Instant AsOf = Instant.FromUtc(2026, 4, 1, 9, 0);

    public static Instant At(int month, int day, int hour = 9) => Instant.FromUtc(2026, month, day, hour, 0);

    public static LocalDate Date(int month, int day) => new(2026, month, day);

    public static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    /// <summary>Opens a deal at <paramref name="created"/> and moves it to <paramref name="stage"/> at <paramref name="entered"/>
    /// (answering the exit criteria of the stages before it at that instant).</summary>
    public static Deal DealIn(
        string id,
        string stage,
        decimal amount,
        LocalDate close,
        Instant created,
        Instant? entered = null,
        string owner = "alice",
        Currency? currency = null,
        PipelineDefinition? pipeline = null
    )
    {
        var p = pipeline ?? Pipeline;
        var deal = Deal.Open(p, new DealId(id), id, owner, Money.Of(amount, currency ?? Currency.USD), close, created);
        var target = p.GetStage(stage).Index;
        if (target == 0)
        {
            return deal;
        }
        var at = entered ?? created;
        foreach (var criterion in p.OpenStages.Take(target).SelectMany(s => s.ExitCriteria))
        {
            deal = p.Answer(deal, criterion.Id, at, owner);
        }
        return p.Move(deal, stage, at, owner);
    }

    /// <summary>A deal created at <paramref name="created"/> and won at <paramref name="won"/>.</summary>
    public static Deal WonDeal(string id, decimal amount, Instant created, Instant won, string owner = "alice") =>
        Pipeline.Win(DealIn(id, "negotiation", amount, Date(12, 31), created, created, owner), won, owner);

    public static Deal Push(Deal deal, LocalDate close, Instant at) =>
        Pipeline.ApplyOrThrow(deal, DealCommand.ChangeExpectedCloseTo(close, at, deal.Owner!));

    public static Activity Call(string dealId, Instant at) => Activity.ForDeal(ActivityKind.Call, at, "alice", new DealId(dealId));
}
