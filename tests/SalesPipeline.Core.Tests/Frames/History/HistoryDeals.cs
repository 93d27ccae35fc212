using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests.Deals;

namespace SalesPipeline.Tests.Frames.HistoryColumns;

// Deals whose histories hold every event kind with every field varied, for the lossless-history properties: FrameDeals'
// lists (scales, currencies, sub-tick instants, pools, stops), walks of DealScenarios' command streams over generated
// pipelines (criteria, competitors, customers, comments, causes, reopens, resumes), imported deals (open, won, lost
// with reasons and competitors), and then, for about half the deals, the same history with its free fields made
// hostile: actors and names in other scripts or with a lone surrogate, causes, sub-tick nanoseconds, amounts with 28
// digits or scale 28, non-ASCII comments, leads converted from. Every history is one Deal.FromEvents accepts.
internal static class HistoryDeals
{
    private static readonly PipelineDefinition Default = PipelineDefinition.Default;

    public static readonly Gen<Deal[]> Deals =
        from framed in FrameDeals.Deals
        from count in Gen.Choose(0, 3)
        from scenarios in Gen.ArrayOf(DealScenarios.Scenarios.Generator, count)
        from imported in Gen.Choose(0, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select Mix(framed, scenarios, imported, seed);

    private static Deal[] Mix(Deal[] framed, Scenario[] scenarios, int imported, int seed)
    {
        var rng = new Random(seed);
        var deals = framed.Concat(scenarios.Select(s => DealScenarios.Walk(s).Final)).ToList();
        for (var i = 0; i < imported; i++)
        {
            deals.Add(Default.Import(ImportRecords.Draw(rng, Default, $"I-{seed}-{i}"), ImportRecords.AsOf));
        }
        return deals.Select(d => rng.Next(2) == 0 ? d : Hostile(d, rng.Next())).ToArray();
    }

    private static readonly string[] Actors = ["Zoë", "李雷", "rep\uD800", "alice", "🚀 bot"];
    private static readonly string?[] Causes = [null, null, "quote Q-17 v2", "réunion ☕"];
    private static readonly decimal[] WideAmounts =
    [
        0.1234567890123456789012345678m, // scale 28
        1234567890123.456789012345678m, // 28 digits, a mantissa no long holds
        7m,
        7.000m,
    ];

    // The same history with its free fields made hostile; still one Deal.FromEvents accepts.
    public static Deal Hostile(Deal deal, int seed)
    {
        var rng = new Random(seed);
        var nanos = 0;
        var events = deal
            .Events.Select(e =>
            {
                nanos = Math.Min(99, nanos + rng.Next(0, 30)); // non-decreasing, so the order stays
                var changed = e with
                {
                    By = Actors[rng.Next(Actors.Length)],
                    Cause = Causes[rng.Next(Causes.Length)],
                    At = e.At.PlusNanoseconds(nanos),
                };
                return changed switch
                {
                    DealCreated c => c with
                    {
                        Name = "Ünïcødé " + c.Name + "\uDC00",
                        Amount = Wide(c.Amount, rng),
                        LeadId = Lead(c.LeadId, rng),
                    },
                    DealImported i => i with { Name = "Ωmega " + i.Name, Amount = Wide(i.Amount, rng), LeadId = Lead(i.LeadId, rng) },
                    AmountChanged a => a with { Amount = Wide(a.Amount, rng) },
                    CommentAdded c => c with { Text = "Rückruf 📞 " + c.Text },
                    _ => changed,
                };
            })
            .ToList();
        return Deal.FromEvents(events);
    }

    // The lead a deal was converted from is carried by the creating event only; without one drawn here a row copy that
    // dropped it went unnoticed.
    private static LeadId? Lead(LeadId? lead, Random rng) =>
        rng.Next(3) switch
        {
            0 => new LeadId("L-" + rng.Next(5)), // shared by several deals, as a lead converted twice would be
            1 => new LeadId("Lead ✉ " + rng.Next()),
            _ => lead,
        };

    private static Money Wide(Money amount, Random rng) =>
        rng.Next(3) == 0 ? Money.Of(WideAmounts[rng.Next(WideAmounts.Length)], amount.Currency) : amount;
}
