using SalesPipeline.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// NoteCompetitor: competitors on open deals, kept through winning, losing and reopening.
public sealed partial class PipelineDefinitionTransitionsTests
{
    [Fact]
    public void NoteCompetitor_OpenDeal_RecordsTheEventAndKeepsCompetitorsInOrdinalOrder()
    {
        var deal = Run(
            Default,
            NewDeal(),
            DealCommand.NoteCompetitor("Initech", H(1), "alice"),
            DealCommand.NoteCompetitor("Globex", H(2), "alice"),
            DealCommand.NoteCompetitor("globex", H(3), "alice")
        );

        Assert.Equal(new CompetitorNoted(D1, H(3), "alice", "globex"), deal.Events[^1]);
        Assert.Equal(["Globex", "Initech", "globex"], deal.Competitors); // ordinal: upper case before lower case
        Assert.True(deal.HasCompetitor("Globex"));
        Assert.False(deal.HasCompetitor("GLOBEX"));
        Assert.Null(deal.Competitor); // only a loss names the competitor the deal went to
    }

    [Fact]
    public void NoteCompetitor_AlreadyNoted_IsRejectedAsNothingToChange()
    {
        var deal = Run(Default, NewDeal(), DealCommand.NoteCompetitor("Globex", H(1), "alice"));

        var result = Default.Apply(deal, DealCommand.NoteCompetitor("Globex", H(2), "bob"));

        Assert.False(result.IsAccepted);
        Assert.Same(deal, result.Deal);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionCode.NothingToChange, rejection.Code);
        Assert.Contains("\"Globex\"", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoteCompetitor_ClosedDeal_IsRejectedAsDealClosed()
    {
        var won = Won();

        var result = Default.Apply(won, DealCommand.NoteCompetitor("Globex", H(8), "alice"));

        Assert.Equal(RejectionCode.DealClosed, Assert.Single(result.Rejections).Code);
    }

    [Fact]
    public void Lose_ToACompetitor_AddsItToCompetitorsAndReopeningKeepsThem()
    {
        var lost = Run(
            Default,
            NewDeal(),
            DealCommand.NoteCompetitor("Initech", H(1), "alice"),
            DealCommand.Lose(LossReason.Competitor, H(2), "alice", "Globex")
        );
        Assert.Equal(["Globex", "Initech"], lost.Competitors);
        Assert.Equal("Globex", lost.Competitor);

        var reopened = Run(Default, lost, DealCommand.Reopen(H(3), "manager"));

        Assert.Null(reopened.Competitor);
        Assert.Equal(["Globex", "Initech"], reopened.Competitors);
        Assert.Equal(lost.Competitors, Deal.FromEvents(lost.Events).Competitors);
        Assert.Equal(["Initech"], lost.AsOf(H(1)).Competitors);
    }

    [Fact]
    public void Lose_ToACompetitorAlreadyNoted_ListsItOnce()
    {
        var lost = Run(
            Default,
            NewDeal(),
            DealCommand.NoteCompetitor("Globex", H(1), "alice"),
            DealCommand.Lose(LossReason.Competitor, H(2), "alice", "Globex")
        );

        Assert.Equal(["Globex"], lost.Competitors);
    }

    [Fact]
    public void NoteCompetitorCommand_EmptyName_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => DealCommand.NoteCompetitor(" ", H(1), "alice"));

        Assert.Equal("competitor", ex.ParamName);
        Assert.Contains("\" \"", ex.Message, StringComparison.Ordinal);
    }
}
