using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames.Fields;

// Deals for the recorded-field properties: the frame generators that vary who a deal is for and who works it
// (HistoryDeals' every event kind, CustomerFrameDeals' accounts under two names, WinRateFrameDeals' pools, teams,
// sources and competitors, StintsHostile's free histories), and then, for about half the deals, the same history with
// its grouping fields made hostile: ids, teams, sources, products, accounts, customer names, competitors, reasons and
// owners drawn from texts that differ only in case or accent, hold a lone surrogate or an emoji, or read like the
// reports' own keys ("(unassigned)", "(none)"), so that ids repeat and one account has several names. Every history
// is one Deal.FromEvents accepts (a rewrite it refuses keeps the deal as it was).
internal static class FieldDeals
{
    private static readonly string[] Texts = ["Zoë", "zoë", "ZOË", "team\uD800", "\uDC00x", "🚀 ops", "a b", "(unassigned)", "(none)", "x"];
    private static readonly string[] Accounts = ["ACC", "acc", "ÄCC", "acc\uD800", "🚀"];
    private static readonly string[] Ids = ["D\uD800", "d\uD800", "Ü1", "ü1", "🚀", "D0"];

    public static readonly Gen<Deal[]> Deals =
        from deals in Gen.OneOf(
            HistoryDeals.Deals,
            CustomerFrameDeals.WithCustomers,
            WinRateFrameDeals.DealsGen,
            StintsHostile.RandomDeals.Select(d => d.Where(x => x is not null).ToArray())
        )
        from seed in Gen.Choose(0, int.MaxValue)
        select Mix(deals, seed);

    private static Deal[] Mix(Deal[] deals, int seed)
    {
        var rng = new Random(seed);
        return deals.Select(d => rng.Next(2) == 0 ? d : Hostile(d, rng)).ToArray();
    }

    private static Deal Hostile(Deal deal, Random rng)
    {
        var id = rng.Next(3) == 0 ? new DealId(Pick(Ids, rng)) : deal.Id;
        string Text() => Pick(Texts, rng);
        Customer NewCustomer() => new(Pick(Accounts, rng), Text());
        var events = deal
            .Events.Select(e =>
            {
                var changed = e with { DealId = id };
                return changed switch
                {
                    DealCreated c => c with
                    {
                        Team = c.Team is null ? null : Text(),
                        Product = rng.Next(3) == 0 ? null : Text(),
                        Source = rng.Next(3) == 0 ? null : new LeadSource(Text()),
                        Customer = rng.Next(3) == 0 ? null : NewCustomer(),
                        LeadId = rng.Next(3) == 0 ? null : new LeadId(Text()),
                    },
                    DealImported i => i with
                    {
                        Team = i.Team is null ? null : Text(),
                        Product = rng.Next(3) == 0 ? null : Text(),
                        Customer = rng.Next(3) == 0 ? null : NewCustomer(),
                        Competitor = i.Competitor is null ? null : Text(),
                    },
                    DealAssignedToPool p => p with { TeamId = p.TeamId is null ? null : Text() },
                    CustomerChanged x => x with { Customer = NewCustomer() },
                    CompetitorNoted n => n with { Competitor = Text() },
                    DealLost l => l with { Reason = new LossReason(Text()), Competitor = l.Competitor is null ? null : Text() },
                    DealStopped s => s with { Reason = new StopReason(Text()) },
                    OwnerReassigned o => o with { Owner = Text() },
                    _ => changed,
                };
            })
            .ToList();
        try
        {
            return Deal.FromEvents(events);
        }
        catch (ArgumentException)
        {
            return deal;
        }
    }

    private static string Pick(string[] texts, Random rng) => texts[rng.Next(texts.Length)];
}
