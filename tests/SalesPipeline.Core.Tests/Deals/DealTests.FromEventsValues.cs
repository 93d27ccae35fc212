using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Deal.FromEvents refuses stored events carrying values the matching command or Deal.Open would have refused.
public sealed partial class DealTests
{
    public static TheoryData<string, DealEvent> InvalidSecondEvents()
    {
        var id = Created.DealId;
        return new TheoryData<string, DealEvent>
        {
            { "empty actor", new AmountChanged(id, H(1), " ", Amount) },
            { "negative amount", new AmountChanged(id, H(1), "a", SalesPipeline.Money.Of(-1m, SalesPipeline.Currency.USD)) },
            { "probability 1.5", new ProbabilityOverridden(id, H(1), "a", 1.5m, ValueSource.Manual) },
            { "override from StageDefault", new ProbabilityOverridden(id, H(1), "a", 0.5m, ValueSource.StageDefault) },
            { "Closed as category override", new CategoryOverridden(id, H(1), "a", ForecastCategory.Closed) },
            { "undefined category", new CategoryOverridden(id, H(1), "a", (ForecastCategory)9) },
            { "won into the open stage", new DealWon(id, H(1), "a", "prospecting") },
            { "won into no stage", new DealWon(id, H(1), "a", "") },
            { "lost without reason", new DealLost(id, H(1), "a", "lost", null!, null) },
            { "lost to an empty competitor", new DealLost(id, H(1), "a", "lost", LossReason.Competitor, " ") },
            { "move to the same stage", new StageMoved(id, H(1), "a", "prospecting", "prospecting", MoveDirection.Forward, 0) },
            { "backward move that skips", new StageMoved(id, H(1), "a", "prospecting", "x", MoveDirection.Backward, 2) },
            { "empty new owner", new OwnerReassigned(id, H(1), "a", "") },
            { "empty competitor noted", new CompetitorNoted(id, H(1), "a", " ") },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidSecondEvents))]
    public void FromEvents_EventWithARefusedValue_IsRejectedNamingEvent1(string why, DealEvent second)
    {
        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents([Created, second]));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains("Event 1", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void FromEvents_AnsweringTheSameCriterionTwice_IsRejected()
    {
        var id = Created.DealId;
        DealEvent[] events =
        [
            Created,
            new ExitCriterionAnswered(id, H(1), "a", "budget"),
            new ExitCriterionAnswered(id, H(2), "a", "budget"),
        ];

        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents(events));

        Assert.Contains("Event 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"budget\"", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, DealCreated> InvalidCreations() =>
        new()
        {
            { "empty actor", Created with { By = "" } },
            { "empty owner", Created with { Owner = " " } },
            { "no amount", Created with { Amount = null! } },
            { "negative amount", Created with { Amount = SalesPipeline.Money.Of(-5m, SalesPipeline.Currency.USD) } },
            { "empty stage", Created with { StageId = "" } },
            { "empty pipeline", Created with { Pipeline = "" } },
            { "default id", Created with { DealId = default } },
        };

    [Theory]
    [MemberData(nameof(InvalidCreations))]
    public void FromEvents_InvalidCreation_IsRejectedNamingEvent0(string why, DealCreated created)
    {
        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents([created]));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains("Event 0", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(why));
    }
}
