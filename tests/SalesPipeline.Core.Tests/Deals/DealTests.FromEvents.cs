using NodaTime;
using SalesPipeline.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Deal.FromEvents: rebuilding from stored events, and rejecting histories that cannot have happened.
public sealed partial class DealTests
{
    private static readonly DealCreated Created = (DealCreated)NewDeal().Events[0];

    [Fact]
    public void FromEvents_OfADealsOwnEvents_RoundTrips()
    {
        var deal = Run(Default, NewDeal(), Script());

        var rebuilt = Deal.FromEvents(deal.Events.ToList());

        Assert.Equal(deal, rebuilt);
        Assert.Equal(
            (deal.StageId, deal.LastOpenStageId, deal.Status, deal.Owner, deal.Amount, deal.ClosedAt, deal.StageEnteredAt),
            (
                rebuilt.StageId,
                rebuilt.LastOpenStageId,
                rebuilt.Status,
                rebuilt.Owner,
                rebuilt.Amount,
                rebuilt.ClosedAt,
                rebuilt.StageEnteredAt
            )
        );
        Assert.Equal(deal.AnsweredCriteria, rebuilt.AnsweredCriteria);
        Assert.Equal(
            (deal.ProbabilityOverride, deal.ProbabilityOverrideSource),
            (rebuilt.ProbabilityOverride, rebuilt.ProbabilityOverrideSource)
        );
        // The rebuilt deal goes on like the original.
        var next = DealCommand.Reassign("carol", H(13), "manager");
        Assert.Equal(Default.ApplyOrThrow(deal, next), Default.ApplyOrThrow(rebuilt, next));
    }

    [Fact]
    public void FromEvents_HandWrittenHistory_GivesTheDescribedDeal()
    {
        var id = Created.DealId;
        DealEvent[] events =
        [
            Created,
            new StageMoved(id, H(1), "alice", "prospecting", "qualified", MoveDirection.Forward, 0),
            new ExitCriterionAnswered(id, H(2), "alice", "budget"),
            new DealWon(id, H(3), "alice", "won"),
        ];

        var deal = Deal.FromEvents(events);

        Assert.Equal((DealStatus.Won, "won", "qualified"), (deal.Status, deal.StageId, deal.LastOpenStageId));
        Assert.Equal(["budget"], deal.AnsweredCriteria);
        Assert.Equal(H(3), deal.ClosedAt);
        Assert.Equal(events, deal.Events);
    }

    [Fact]
    public void FromEvents_Null_Throws()
    {
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => Deal.FromEvents(null!)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => Deal.FromEvents([Created, null!])).ParamName);
    }

    [Fact]
    public void FromEvents_Empty_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents([]));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> BadHistories =>
        new()
        {
            { "first-not-created", 0, "AmountChanged" },
            { "two-created", 1, "DealCreated" },
            { "other-deal", 1, "D-2" },
            { "back-in-time", 2, "2026-03-02T11:00:00Z" },
            { "wrong-from-stage", 2, "\"prospecting\"" },
            { "reopen-open-deal", 1, "DealReopened" },
            { "move-after-win", 2, "won" },
            { "lose-without-reason", 1, "loss reason" },
            { "competitor-twice", 2, "\"Globex\" is already noted" },
            { "competitor-after-win", 2, "won" },
        };

    private static DealEvent[] Bad(string kind)
    {
        var id = Created.DealId;
        return kind switch
        {
            "first-not-created" => [new AmountChanged(id, H(1), "alice", Amount)],
            "two-created" => [Created, Created with { At = H(1) }],
            "other-deal" => [Created, new ExitCriterionAnswered(new DealId("D-2"), H(1), "alice", "budget")],
            "back-in-time" =>
            [
                Created,
                new ExitCriterionAnswered(id, H(2), "alice", "budget"),
                new ExitCriterionAnswered(id, H(1), "alice", "use-case"),
            ],
            "wrong-from-stage" =>
            [
                Created,
                new StageMoved(id, H(1), "alice", "prospecting", "qualified", MoveDirection.Forward, 0),
                new StageMoved(id, H(2), "alice", "prospecting", "proposal", MoveDirection.Forward, 1),
            ],
            "reopen-open-deal" => [Created, new DealReopened(id, H(1), "alice", "qualified")],
            "move-after-win" =>
            [
                Created,
                new DealWon(id, H(1), "alice", "won"),
                new StageMoved(id, H(2), "alice", "prospecting", "qualified", MoveDirection.Forward, 0),
            ],
            "competitor-twice" =>
            [
                Created,
                new CompetitorNoted(id, H(1), "alice", "Globex"),
                new CompetitorNoted(id, H(2), "alice", "Globex"),
            ],
            "competitor-after-win" => [Created, new DealWon(id, H(1), "alice", "won"), new CompetitorNoted(id, H(2), "alice", "Globex")],
            _ => [Created, new DealLost(id, H(1), "alice", "lost", null!, null)],
        };
    }

    [Theory]
    [MemberData(nameof(BadHistories))]
    public void FromEvents_ImpossibleHistory_ThrowsNamingTheEvent(string kind, int index, string named)
    {
        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents(Bad(kind)));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains($"vent {index}", ex.Message, StringComparison.Ordinal); // "Event 1 ..." or "event 0 is ..."
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEvents_EventsAtTheSameInstant_AreAccepted()
    {
        var id = Created.DealId;

        var deal = Deal.FromEvents([Created, new ExitCriterionAnswered(id, T0, "a", "budget"), new OwnerReassigned(id, T0, "a", "bob")]);

        Assert.Equal("bob", deal.Owner);
    }
}
