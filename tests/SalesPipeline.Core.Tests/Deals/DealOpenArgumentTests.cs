using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Deal.Open and the command factories refuse each bad argument with its own exception, parameter and sentence; AsOf
// includes an event dated exactly at the instant and explains why an earlier instant has no state.
public sealed class DealOpenArgumentTests
{
    private static readonly DealId Id = new("D-1");

    // One year before the supported range starts (0001-01-01): ISO year 0 is proleptic 1 BC.
    private static readonly Instant YearZero = Instant.FromUtc(0, 12, 31, 23, 59, 59);

    private static Deal Open(
        PipelineDefinition? pipeline = null,
        DealId? id = null,
        string? name = "Acme: 500 seats",
        string? owner = "alice",
        Money? amount = null,
        LocalDate? expectedClose = null,
        Instant? at = null,
        string? by = null
    ) => Deal.Open(pipeline!, id ?? Id, name!, owner!, amount ?? Amount, expectedClose ?? Close, at ?? T0, by);

    [Fact]
    public void Open_NullPipeline_ThrowsArgumentNullNamingPipeline()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Deal.Open(null!, Id, "Acme", "alice", Amount, Close, T0));

        AssertArgumentMessage(ex, "pipeline", null);
    }

    [Fact]
    public void Open_DefaultId_ThrowsArgumentSayingHowToMakeOne()
    {
        var ex = Assert.Throws<ArgumentException>(() => Open(Default, id: default(DealId)));

        AssertArgumentMessage(ex, "id", "The deal id must not be default(DealId); create it with new DealId(\"...\").");
    }

    [Fact]
    public void Open_NullName_ThrowsArgumentNull_AndBlankName_ThrowsArgumentQuotingIt()
    {
        AssertArgumentMessage(Assert.Throws<ArgumentNullException>(() => Open(Default, name: null)), "name", null);
        AssertArgumentMessage(
            Assert.Throws<ArgumentException>(() => Open(Default, name: " ")),
            "name",
            "Value must not be empty or whitespace; it was \" \"."
        );
    }

    [Fact]
    public void Open_NullOrEmptyOwner_IsRefusedNamingOwner()
    {
        AssertArgumentMessage(Assert.Throws<ArgumentNullException>(() => Open(Default, owner: null)), "owner", null);
        AssertArgumentMessage(
            Assert.Throws<ArgumentException>(() => Open(Default, owner: "")),
            "owner",
            "Value must not be empty or whitespace; it was \"\"."
        );
    }

    [Fact]
    public void Open_NullAmount_ThrowsArgumentNullNamingAmount()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Deal.Open(Default, Id, "Acme", "alice", null!, Close, T0));

        AssertArgumentMessage(ex, "amount", null);
    }

    [Fact]
    public void Open_NegativeAmount_ThrowsOutOfRangeGivingTheAmount()
    {
        var minusOne = Money.Of(-1m, Currency.USD);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Open(Default, amount: minusOne));

        Assert.Equal(minusOne, ex.ActualValue);
        // Money's text: the code, a space, the amount with the currency's two decimals.
        AssertArgumentMessage(ex, "amount", "A deal amount must not be negative; it was USD -1.00.");
    }

    [Fact]
    public void Open_ExpectedCloseBeforeYearOne_ThrowsOutOfRangeNamingTheRange()
    {
        var yearZero = new LocalDate(0, 12, 31);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Open(Default, expectedClose: yearZero));

        Assert.Equal(yearZero, ex.ActualValue);
        AssertArgumentMessage(ex, "expectedClose", "Dates must be between 0001-01-01 and 9999-12-31; it was 0000-12-31.");
    }

    [Fact]
    public void Open_InstantBeforeYearOne_ThrowsOutOfRangeNamingTheRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Open(Default, at: YearZero));

        Assert.Equal(YearZero, ex.ActualValue);
        AssertArgumentMessage(
            ex,
            "at",
            "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z; it was 0000-12-31T23:59:59Z."
        );
    }

    [Fact]
    public void Open_BlankCreator_IsRefused_WhileNoCreatorMeansTheOwner()
    {
        AssertArgumentMessage(
            Assert.Throws<ArgumentException>(() => Open(Default, by: " ")),
            "by",
            "Value must not be empty or whitespace; it was \" \"."
        );
        Assert.Equal("alice", Open(Default).CreatedBy);
    }

    [Fact]
    public void ChangeAmountTo_NullAmount_ThrowsArgumentNullNamingAmount()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => DealCommand.ChangeAmountTo(null!, H(1), "alice"));

        AssertArgumentMessage(ex, "amount", null);
    }

    [Fact]
    public void OverrideCategoryTo_Closed_ThrowsOutOfRangeSayingOnlyWinningCloses()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DealCommand.OverrideCategoryTo(ForecastCategory.Closed, H(1), "alice"));

        Assert.Equal(ForecastCategory.Closed, ex.ActualValue);
        AssertArgumentMessage(
            ex,
            "category",
            "A category override is Omitted, Pipeline, BestCase or Commit; it was Closed. Only winning makes a deal Closed."
        );
    }

    [Fact]
    public void FromEvents_NullEvent_ThrowsArgumentNullGivingItsPosition()
    {
        var created = NewDeal().Events[0];

        var ex = Assert.Throws<ArgumentNullException>(() => Deal.FromEvents([created, null!]));

        AssertArgumentMessage(ex, "events", "Event 1 is null.");
    }

    [Fact]
    public void AsOf_AnEventsOwnInstant_IncludesThatEvent_AndNotTheNextOne()
    {
        // Qualified at H(1), then use-case at H(2), technical-fit at H(3), budget at H(4).
        var deal = QualifiedAnswered();

        Assert.Equal(deal.Events.Take(1), deal.AsOf(T0).Events); // the creation's own instant: the deal as opened
        Assert.Equal(deal.Events.Take(3), deal.AsOf(H(2)).Events); // created, moved at H(1), use-case at H(2)
        Assert.Equal(["use-case"], deal.AsOf(H(2)).AnsweredCriteria);
        Assert.Same(deal, deal.AsOf(H(4))); // the last event's instant: nothing later, so the deal itself
        Assert.True(deal.TryAsOf(T0, out var opened));
        Assert.Equal("prospecting", opened.StageId);
    }

    [Fact]
    public void AsOf_BeforeCreation_SaysTheDealDidNotExist()
    {
        var before = T0.Minus(Duration.FromSeconds(1));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NewDeal().AsOf(before));

        Assert.Equal(before, ex.ActualValue);
        AssertArgumentMessage(ex, "instant", "Deal D-1 did not exist at 2026-03-02T08:59:59Z; it was created at 2026-03-02T09:00:00Z.");
        Assert.False(NewDeal().TryAsOf(before, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void AsOf_BeforeAnImportedDealWasObserved_SaysItsStateIsUnknown()
    {
        // Created at T0 in the other system, seen in proposal at the export (T0 + 60 days = 2026-05-01T09:00:00Z).
        var deal = Default.Import(ImportTests.Record(), ImportTests.AsOfImport);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => deal.AsOf(T0));

        AssertArgumentMessage(
            ex,
            "instant",
            "Deal SF-1 was imported and first observed at 2026-05-01T09:00:00Z (created at 2026-03-02T09:00:00Z); its state at 2026-03-02T09:00:00Z is unknown."
        );
        Assert.Same(deal, deal.AsOf(ImportTests.AsOfImport)); // observed exactly then: known
    }

    [Fact]
    public void ToString_OfAWonDeal_SaysWonInsteadOfTheStage()
    {
        Assert.Equal("D-1 Acme: 500 seats | alice | USD 60,000.00 | won | close 2026-06-30", Won().ToString());
        Assert.Equal("D-1 Acme: 500 seats | alice | USD 60,000.00 | lost (price) | close 2026-06-30", Lost().ToString());
    }
}
