using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Interactive.Tests;

// A small team's Q1 2026 in the default pipeline (Prospecting 10%, Qualified 20%, Proposal 50%, Negotiation 80%), the
// figures worked out by hand where the tests use them:
//   D-1 Acme renewal       alice  60,000  negotiation  close 2026-02-20   Feb: 60,000 x 0.8 = 48,000
//   D-2 Globex expansion   alice 120,000  proposal     close 2026-03-25   Mar: 120,000 x 0.5 = 60,000
//   D-3 Initech pilot      bob    15,000  qualified    close 2026-01-30   Jan: 15,000 x 0.2 = 3,000
//   D-4 Hooli add-on       erin    8,000  prospecting  close 2026-02-10   Feb: 8,000 x 0.1 = 800
//   D-5 Stark support      bob    24,000  won 2026-01-14                  Jan: 24,000 won
// Stage-weighted by month: Jan 27,000 (24,000 won + 3,000), Feb 48,800, Mar 60,000.
// Funnel, deals that reached each stage: Prospecting 5, Qualified 4 (all but D-4), Proposal 3 (D-1, D-2, D-5),
// Negotiation 2 (D-1, D-5), Won 1.
internal static class TeamDeals
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    public static readonly IReadOnlyList<FiscalPeriod> Q1Months = [.. FiscalCalendar.Calendar.Months(2026).Take(3)];

    public static IReadOnlyList<Deal> Create()
    {
        var at = Instant.FromUtc(2026, 1, 5, 9, 0);
        Instant Next() => at += Duration.FromHours(1);
        Deal Open(string id, string name, string owner, decimal amount, LocalDate close, string stage)
        {
            var deal = Deal.Open(Pipeline, new DealId(id), name, owner, Money.Of(amount, Currency.USD), close, Next());
            foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
            {
                deal = Pipeline.Answer(deal, criterion, Next(), owner);
            }
            foreach (var s in Pipeline.OpenStages.Skip(1).TakeWhile(s => Pipeline.GetStage(stage).Index >= s.Index))
            {
                deal = Pipeline.Move(deal, s.Id, Next(), owner);
            }
            return deal;
        }
        return
        [
            Open("D-1", "Acme renewal", "alice", 60_000m, new LocalDate(2026, 2, 20), "negotiation"),
            Open("D-2", "Globex expansion", "alice", 120_000m, new LocalDate(2026, 3, 25), "proposal"),
            Open("D-3", "Initech pilot", "bob", 15_000m, new LocalDate(2026, 1, 30), "qualified"),
            Open("D-4", "Hooli add-on", "erin", 8_000m, new LocalDate(2026, 2, 10), "prospecting"),
            Pipeline.Win(
                Open("D-5", "Stark support", "bob", 24_000m, new LocalDate(2026, 1, 15), "negotiation"),
                Instant.FromUtc(2026, 1, 14, 16, 0),
                "bob"
            ),
        ];
    }
}
