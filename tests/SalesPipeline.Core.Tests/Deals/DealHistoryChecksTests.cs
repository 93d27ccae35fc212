using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// The structural checks of Deal.FromEvents, one rule at a time: each refused history names the event's index, type and
// instant and says which rule it breaks, in words a user storing events can act on.
public sealed class DealHistoryChecksTests
{
    private static readonly DealCreated Created = (DealCreated)NewDeal().Events[0];
    private static readonly DealId Id = Created.DealId;
    private static readonly Instant YearZero = Instant.FromUtc(0, 12, 31, 23, 59, 59);
    private static readonly LocalDate YearZeroDate = new(0, 12, 31);
    private const string InstantRange = "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z; it was";

    private static void AssertRefused(DealEvent[] history, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents(history));
        AssertArgumentMessage(ex, "events", message);
    }

    // Each second event breaks one rule on a deal just opened in prospecting at T0; all are dated H(1).
    public static TheoryData<string, DealEvent, string> SecondEvents() =>
        new()
        {
            { "an event names its actor", new AmountChanged(Id, H(1), " ", Amount), "it names no actor." },
            {
                "only a closed deal is reopened",
                new DealReopened(Id, H(1), "alice", "qualified"),
                "the deal is open, so it cannot be reopened."
            },
            { "a new owner is not empty", new OwnerReassigned(Id, H(1), "alice", ""), "the new owner is empty." },
            { "an answer names its criterion", new ExitCriterionAnswered(Id, H(1), "alice", " "), "it names no criterion." },
            {
                "only an answered criterion is withdrawn",
                new ExitCriterionWithdrawn(Id, H(1), "alice", "budget"),
                "criterion \"budget\" was not answered."
            },
            {
                "a withdrawal names its criterion",
                new ExitCriterionWithdrawn(Id, H(1), "alice", null!),
                "criterion \"\" was not answered."
            },
            { "an amount is given", new AmountChanged(Id, H(1), "alice", null!), "the amount is missing or negative." },
            {
                "an amount is not negative",
                new AmountChanged(Id, H(1), "alice", Money.Of(-1m, Currency.USD)),
                "the amount is missing or negative."
            },
            {
                "a probability is at most 1",
                new ProbabilityOverridden(Id, H(1), "alice", 2m, ValueSource.Manual),
                "the probability 2 is outside [0, 1]."
            },
            {
                "an override comes from Manual or Model",
                new ProbabilityOverridden(Id, H(1), "alice", 0m, ValueSource.StageDefault),
                "an override's source is Manual or Model, not StageDefault."
            },
            {
                "Closed is not a category override",
                new CategoryOverridden(Id, H(1), "alice", ForecastCategory.Closed),
                "a category override is Omitted, Pipeline, BestCase or Commit, not Closed."
            },
            {
                "a win leaves the current stage",
                new DealWon(Id, H(1), "alice", "prospecting"),
                "it names stage \"prospecting\", not a Won stage."
            },
            {
                "a loss leaves the current stage",
                new DealLost(Id, H(1), "alice", "prospecting", LossReason.Price, null),
                "it names stage \"prospecting\", not a Lost stage."
            },
            {
                "a loss names a stage",
                new DealLost(Id, H(1), "alice", " ", LossReason.Price, null),
                "it names stage \" \", not a Lost stage."
            },
            {
                "a loss's competitor is not empty",
                new DealLost(Id, H(1), "alice", "lost", LossReason.Competitor, " "),
                "the competitor is empty."
            },
            { "a noted competitor is not empty", new CompetitorNoted(Id, H(1), "alice", ""), "the competitor is empty." },
            {
                "a move goes to another stage",
                new StageMoved(Id, H(1), "alice", "prospecting", "prospecting", MoveDirection.Forward, 0),
                "it moves to stage \"prospecting\", which is not another stage."
            },
            {
                "a move names its target",
                new StageMoved(Id, H(1), "alice", "prospecting", "", MoveDirection.Forward, 0),
                "it moves to stage \"\", which is not another stage."
            },
            {
                "a move's direction is Forward or Backward",
                new StageMoved(Id, H(1), "alice", "prospecting", "qualified", (MoveDirection)7, 0),
                "its direction 7 is not Forward or Backward."
            },
            {
                "a backward move skips nothing",
                new StageMoved(Id, H(1), "alice", "prospecting", "qualified", MoveDirection.Backward, 2),
                "it skips 2 stages, which a Backward move cannot."
            },
            {
                "no move skips a negative count",
                new StageMoved(Id, H(1), "alice", "prospecting", "qualified", MoveDirection.Forward, -1),
                "it skips -1 stages, which a Forward move cannot."
            },
        };

    [Theory]
    [MemberData(nameof(SecondEvents))]
    public void FromEvents_SecondEventBreakingARule_IsRefusedNamingEvent1AndTheRule(string rule, DealEvent second, string reason)
    {
        Assert.False(string.IsNullOrEmpty(rule));
        AssertRefused(
            [Created, second],
            $"Event 1 ({second.GetType().Name} at 2026-03-02T10:00:00Z) cannot follow the events before it: {reason}"
        );
    }

    [Fact]
    public void FromEvents_ReopeningIntoNoStage_IsRefused()
    {
        DealEvent[] events = [Created, new DealWon(Id, H(1), "alice", "won"), new DealReopened(Id, H(2), "alice", " ")];

        AssertRefused(
            events,
            "Event 2 (DealReopened at 2026-03-02T11:00:00Z) cannot follow the events before it: it names no stage to reopen into."
        );
    }

    [Fact]
    public void FromEvents_WithdrawingAnAnsweredCriterion_IsAccepted()
    {
        var deal = Deal.FromEvents([
            Created,
            new ExitCriterionAnswered(Id, H(1), "alice", "budget"),
            new ExitCriterionWithdrawn(Id, H(2), "alice", "budget"),
        ]);

        Assert.Empty(deal.AnsweredCriteria);
    }

    // Every event but a reassignment or a reopening, recorded after the deal was won at H(1); each is dated H(2).
    public static TheoryData<DealEvent> ChangesOfAClosedDeal() =>
        new()
        {
            new StageMoved(Id, H(2), "alice", "won", "qualified", MoveDirection.Forward, 0),
            new ExitCriterionAnswered(Id, H(2), "alice", "budget"),
            new ExitCriterionWithdrawn(Id, H(2), "alice", "budget"),
            new AmountChanged(Id, H(2), "alice", Amount),
            new ExpectedCloseChanged(Id, H(2), "alice", Close.PlusDays(1)),
            new ProbabilityOverridden(Id, H(2), "alice", 0m, ValueSource.Manual),
            new ProbabilityOverrideCleared(Id, H(2), "alice"),
            new CategoryOverridden(Id, H(2), "alice", ForecastCategory.Commit),
            new CategoryOverrideCleared(Id, H(2), "alice"),
            new DealWon(Id, H(2), "alice", "won"),
            new CompetitorNoted(Id, H(2), "alice", "Globex"),
            new DealLost(Id, H(2), "alice", "lost", LossReason.Price, null),
        };

    [Theory]
    [MemberData(nameof(ChangesOfAClosedDeal))]
    public void FromEvents_ChangeOfAWonDeal_IsRefusedSayingOnlyReassignmentAndReopeningMay(DealEvent change)
    {
        DealEvent[] events = [Created, new DealWon(Id, H(1), "alice", "won"), change];

        AssertRefused(
            events,
            $"Event 2 ({change.GetType().Name} at 2026-03-02T11:00:00Z) cannot follow the events before it: the deal is won; only reassignment, pooling, comments and reopening change a closed deal."
        );
    }

    [Fact]
    public void FromEvents_ReassigningAWonDeal_IsAccepted()
    {
        var deal = Deal.FromEvents([Created, new DealWon(Id, H(1), "alice", "won"), new OwnerReassigned(Id, H(2), "alice", "bob")]);

        Assert.Equal(("bob", DealStatus.Won), (deal.Owner, deal.Status));
    }

    // A DealCreated breaking one of Deal.Open's rules; all are dated T0 but the one with the instant out of range.
    public static TheoryData<string, DealCreated, string> InvalidCreations() =>
        new()
        {
            { "the id is set", Created with { DealId = default }, "it has the default deal id." },
            { "the creator is named", Created with { By = " " }, "it names no actor." },
            { "the pipeline is named", Created with { Pipeline = "" }, "it names no pipeline." },
            { "the deal has a name", Created with { Name = " " }, "the deal has no name." },
            { "the deal has an owner", Created with { Owner = "" }, "the owner is empty (null for a deal created in a pool)." },
            { "the stage is named", Created with { StageId = " " }, "it names no stage." },
            { "the amount is given", Created with { Amount = null! }, "the deal has no amount." },
            { "the amount is not negative", Created with { Amount = Money.Of(-5m, Currency.USD) }, "the amount USD -5.00 is negative." },
            { "a given product is not empty", Created with { Product = " " }, "its product \" \" is empty." },
            {
                "the close date is supported",
                Created with
                {
                    ExpectedClose = YearZeroDate,
                },
                "Dates must be between 0001-01-01 and 9999-12-31; it was 0000-12-31."
            },
        };

    [Theory]
    [MemberData(nameof(InvalidCreations))]
    public void FromEvents_CreationBreakingARule_IsRefusedNamingEvent0AndTheRule(string rule, DealCreated created, string reason)
    {
        Assert.False(string.IsNullOrEmpty(rule));
        AssertRefused([created], $"Event 0 (DealCreated at 2026-03-02T09:00:00Z) is not a valid creation: {reason}");
    }

    [Fact]
    public void FromEvents_CreationAtAnUnsupportedInstant_IsRefused_AndTheInstantIsReportedBeforeTheCloseDate()
    {
        const string header = "Event 0 (DealCreated at 0000-12-31T23:59:59Z) is not a valid creation: ";

        AssertRefused([Created with { At = YearZero }], $"{header}{InstantRange} 0000-12-31T23:59:59Z.");
        // Both out of range: one message, for the instant (the record's first field of the two).
        AssertRefused([Created with { At = YearZero, ExpectedClose = YearZeroDate }], $"{header}{InstantRange} 0000-12-31T23:59:59Z.");
    }

    [Fact]
    public void FromEvents_CreationWithAProduct_KeepsIt()
    {
        Assert.Equal("Widgets", Deal.FromEvents([Created with { Product = "Widgets" }]).Product);
    }

    // A DealImported breaking one of its rules; all are dated H(2).
    public static TheoryData<string, DealImported, string> InvalidImports() =>
        new()
        {
            { "the id is set", ImportedInProposal with { DealId = default }, "it has the default deal id." },
            { "the actor is named", ImportedInProposal with { By = "" }, "it names no actor." },
            { "the pipeline is named", ImportedInProposal with { Pipeline = " " }, "it names no pipeline." },
            { "the deal has a name", ImportedInProposal with { Name = "" }, "the deal has no name." },
            {
                "the owner is not empty",
                ImportedInProposal with
                {
                    Owner = " ",
                },
                "the owner is empty (null for a deal observed in a pool)."
            },
            {
                "a decided deal has an owner",
                ImportedInProposal with
                {
                    Owner = null,
                    StageId = "won",
                    Status = DealStatus.Won,
                },
                "a won deal has no owner; a decided deal keeps the owner it was decided under."
            },
            {
                "the team is not empty",
                ImportedInProposal with
                {
                    Owner = null,
                    Team = "",
                },
                "the team is empty (null for the company pool or none)."
            },
            {
                "a pool entry is for a pooled deal",
                ImportedInProposal with
                {
                    InPoolSince = ImportedInProposal.At,
                },
                $"its pool entry {ImportedInProposal.At} is given only for a deal without an owner, between its creation ({ImportedInProposal.CreatedAt}) and its first observation ({ImportedInProposal.At})."
            },
            {
                "a pool entry is not after the first observation",
                ImportedInProposal with
                {
                    Owner = null,
                    InPoolSince = ImportedInProposal.At.Plus(NodaTime.Duration.FromTicks(1)),
                },
                $"its pool entry {ImportedInProposal.At.Plus(NodaTime.Duration.FromTicks(1))} is given only for a deal without an owner, between its creation ({ImportedInProposal.CreatedAt}) and its first observation ({ImportedInProposal.At})."
            },
            { "the stage is named", ImportedInProposal with { StageId = "" }, "it names no stage." },
            { "the amount is given", ImportedInProposal with { Amount = null! }, "the deal has no amount." },
            {
                "the amount is not negative",
                ImportedInProposal with
                {
                    Amount = Money.Of(-5m, Currency.USD),
                },
                "the amount USD -5.00 is negative."
            },
            { "the status is defined", ImportedInProposal with { Status = (DealStatus)7 }, "its status 7 is not Open, Won or Lost." },
            { "a given product is not empty", ImportedInProposal with { Product = " " }, "its product \" \" is empty." },
            { "the creation is supported", ImportedInProposal with { CreatedAt = YearZero }, $"{InstantRange} 0000-12-31T23:59:59Z." },
            {
                "the close date is supported",
                ImportedInProposal with
                {
                    ExpectedClose = YearZeroDate,
                },
                "Dates must be between 0001-01-01 and 9999-12-31; it was 0000-12-31."
            },
            {
                // The creation (2026-03-02T09:00:00Z) is after the observation: reported as the observation's range,
                // which is the first problem.
                "the observation is supported",
                ImportedInProposal with
                {
                    At = YearZero,
                },
                $"{InstantRange} 0000-12-31T23:59:59Z."
            },
            {
                "the observation is reported before the creation",
                ImportedInProposal with
                {
                    At = YearZero,
                    CreatedAt = Instant.FromUtc(0, 12, 31, 0, 0),
                },
                $"{InstantRange} 0000-12-31T23:59:59Z."
            },
            {
                "the creation is reported before the close date",
                ImportedInProposal with
                {
                    CreatedAt = Instant.FromUtc(0, 12, 31, 0, 0),
                    ExpectedClose = YearZeroDate,
                },
                $"{InstantRange} 0000-12-31T00:00:00Z."
            },
        };

    [Theory]
    [MemberData(nameof(InvalidImports))]
    public void FromEvents_ImportBreakingARule_IsRefusedNamingEvent0AndTheRule(string rule, DealImported imported, string reason)
    {
        Assert.False(string.IsNullOrEmpty(rule));
        AssertRefused([imported], $"Event 0 (DealImported at {imported.At}) is not a valid creation: {reason}");
    }

    [Fact]
    public void FromEvents_ImportedOpenDeal_HasItsStageAsLastOpenStage_AndNoCompetitor()
    {
        var deal = Deal.FromEvents([ImportedInProposal with { Product = "Widgets" }]);

        Assert.Equal(("proposal", "proposal"), (deal.StageId, deal.LastOpenStageId));
        Assert.Empty(deal.Competitors);
        Assert.Null(deal.Competitor);
        Assert.Equal("Widgets", deal.Product);
    }

    [Fact]
    public void FromEvents_ImportedLostDeal_HasAnUnknownLastOpenStage_AndItsCompetitor()
    {
        var lost = ImportedInProposal with
        {
            StageId = "lost",
            Status = DealStatus.Lost,
            LossReason = LossReason.Competitor,
            Competitor = "Globex",
        };

        var deal = Deal.FromEvents([lost]);

        Assert.Equal(("lost", Unknown.Stage), (deal.StageId, deal.LastOpenStageId));
        Assert.Equal(["Globex"], deal.Competitors);
        Assert.Equal("Globex", deal.Competitor);
    }
}
