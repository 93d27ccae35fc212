using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Fuzz;

// Histories from outside, damaged at random: events dropped, doubled, swapped, retimed, moved to other deals, stages
// and amounts replaced by odd values, nulls put in. Deal.FromEvents, with and without the pipeline, either rebuilds a
// deal or refuses with its own documented exception; a deal it accepts with the pipeline never sits outside the
// pipeline's definition, reads back equal, and is exactly what replaying its commands through Apply makes (issue 15:
// the checked overload accepts exactly the histories some sequence of accepted commands produces).
public sealed class DealHistoryFuzzTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly string[] Stages =
    [
        "prospecting",
        "qualified",
        "proposal",
        "negotiation",
        "won",
        "lost",
        "Qualified",
        "",
        " ",
        "nowhere",
        "prоposal",
    ];
    private static readonly string[] Criteria = ["use-case", "technical-fit", "budget", "nope", ""];

    private static Deal RandomDeal(Random random)
    {
        var deal = Deal.Open(
            Pipeline,
            new DealId("F-1"),
            "Fuzz",
            "alice",
            Money.Of(1_000m, Currency.USD),
            new LocalDate(2026, 6, 30),
            Start
        );
        var steps = random.Next(0, 12);
        for (var i = 0; i < steps; i++)
        {
            var at = deal.LastEventAt + Duration.FromMinutes(random.Next(0, 3));
            DealCommand command = random.Next(9) switch
            {
                0 => DealCommand.Answer(Criteria[random.Next(3)], at, "alice"),
                1 => DealCommand.Move(Stages[random.Next(4)], at, "alice"),
                2 => DealCommand.ChangeAmountTo(Money.Of(random.Next(0, 100_000), Currency.USD), at, "bob"),
                3 => DealCommand.Win(at, "alice"),
                4 => DealCommand.Lose(LossReason.Price, at, "alice", random.Next(2) == 0 ? null : "Globex"),
                5 => DealCommand.Reopen(at, "alice"),
                6 => DealCommand.OverrideProbabilityTo(random.Next(0, 101) / 100m, at, "alice"),
                7 => DealCommand.NoteCompetitor("Initech", at, "alice"),
                _ => DealCommand.ChangeExpectedCloseTo(new LocalDate(2026, random.Next(1, 13), 1), at, "alice"),
            };
            var result = Pipeline.Apply(deal, command);
            if (result.IsAccepted)
            {
                deal = result.Deal;
            }
        }
        return deal;
    }

    private static DealEvent Damage(DealEvent e, Random random)
    {
        var shift = Duration.FromMinutes(random.Next(-5_000, 5_000));
        var stage = Stages[random.Next(Stages.Length)];
        return (random.Next(8), e) switch
        {
            (0, _) => e with { At = e.At + shift },
            (1, _) => e with { DealId = new DealId("F-2") },
            (2, _) => e with { By = random.Next(2) == 0 ? "" : "mallory" },
            (3, StageMoved m) => m with { ToStageId = stage },
            (4, StageMoved m) => m with { Direction = (MoveDirection)random.Next(-1, 4), StagesSkipped = random.Next(-3, 5) },
            (5, DealWon w) => w with { StageId = stage },
            (6, AmountChanged a) => a with { Amount = Money.Of(random.Next(-10, 10) * 1_000_000_000_000m, Currency.USD) },
            (7, DealCreated c) => c with { StageId = stage, Amount = Money.Of(random.Next(-5, 5), Currency.JPY) },
            _ => e,
        };
    }

    private static DealEvent?[] DamagedHistory(Random random)
    {
        var events = RandomDeal(random).History.Cast<DealEvent?>().ToList();
        var damages = random.Next(0, 4);
        for (var d = 0; d < damages; d++)
        {
            var i = random.Next(events.Count);
            switch (random.Next(6))
            {
                case 0 when events.Count > 1:
                    events.RemoveAt(i);
                    break;
                case 1:
                    events.Insert(i, events[i]);
                    break;
                case 2:
                    var j = random.Next(events.Count);
                    (events[i], events[j]) = (events[j], events[i]);
                    break;
                case 3 when random.Next(10) == 0:
                    events.Insert(i, null);
                    break;
                default:
                    events[i] = events[i] is { } e ? Damage(e, random) : null;
                    break;
            }
        }
        return [.. events];
    }

    // The command that records each event: written out here, apart from the library's own mapping, as a second method.
    private static DealCommand CommandOf(DealEvent e) =>
        e switch
        {
            StageMoved m => DealCommand.Move(m.ToStageId, m.At, m.By),
            ExitCriterionAnswered a => DealCommand.Answer(a.CriterionId, a.At, a.By),
            ExitCriterionWithdrawn w => DealCommand.Withdraw(w.CriterionId, w.At, w.By),
            AmountChanged a => DealCommand.ChangeAmountTo(a.Amount, a.At, a.By),
            ExpectedCloseChanged c => DealCommand.ChangeExpectedCloseTo(c.ExpectedClose, c.At, c.By),
            ProbabilityOverridden p => DealCommand.OverrideProbabilityTo(p.Probability, p.At, p.By, p.Source),
            ProbabilityOverrideCleared c => DealCommand.ClearProbability(c.At, c.By),
            CategoryOverridden c => DealCommand.OverrideCategoryTo(c.Category, c.At, c.By),
            CategoryOverrideCleared c => DealCommand.ClearCategory(c.At, c.By),
            OwnerReassigned o => DealCommand.Reassign(o.Owner, o.At, o.By),
            DealWon w => DealCommand.Win(w.At, w.By),
            DealLost l => DealCommand.Lose(l.Reason, l.At, l.By, l.Competitor),
            CompetitorNoted c => DealCommand.NoteCompetitor(c.Competitor, c.At, c.By),
            DealReopened r => DealCommand.Reopen(r.At, r.By, r.StageId),
            _ => throw new InvalidOperationException($"No command records {e}."),
        };

    [Fact]
    public void Damaged_histories_rebuild_a_deal_or_are_refused_with_a_documented_error()
    {
        DealEvent?[] history = [];
        var (cases, refused) = Fuzzer.Run(
            random =>
            {
                history = DamagedHistory(random);
                return string.Join(" | ", history.Select(e => e?.ToString() ?? "null"));
            },
            (_, _) =>
            {
                // Without the pipeline, structure only; then with it: whatever it accepts fits the definition.
                try
                {
                    Deal.FromEvents(history!);
                }
                catch (ArgumentException)
                {
                    // Refused structurally: the checked overload must refuse too.
                    Assert.ThrowsAny<ArgumentException>(() => Deal.FromEvents(Pipeline, history!));
                    throw;
                }
                var deal = Deal.FromEvents(Pipeline, history!);
                var stage = Pipeline.StagesById[deal.StageId];
                Assert.Equal(
                    stage.Kind switch
                    {
                        StageKind.Won => DealStatus.Won,
                        StageKind.Lost => DealStatus.Lost,
                        _ => DealStatus.Open,
                    },
                    deal.Status
                );
                Assert.Equal(deal, Deal.FromEvents(Pipeline, deal.History));
                // Accepted exactly when commands make it: replaying each later event's command through Apply, from
                // the creation alone, is accepted and records that very event.
                var replayed = Deal.FromEvents(Pipeline, [deal.History[0]]);
                foreach (var e in deal.History.Skip(1))
                {
                    var result = Pipeline.Apply(replayed, CommandOf(e));
                    Assert.True(result.IsAccepted, $"{e} was accepted in the history, but its command is rejected.");
                    Assert.Equal(e, result.Deal.History[^1]);
                    replayed = result.Deal;
                }
                Assert.Equal(deal, replayed);
            },
            Fuzzer.ThrownByTheLibrary
        );
        // Both outcomes are reached, or the fuzzer is not testing anything.
        Assert.InRange(refused, 1, cases - 1);
    }
}
