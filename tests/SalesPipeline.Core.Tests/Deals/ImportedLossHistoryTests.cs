using SalesPipeline.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;
using static SalesPipeline.Tests.Deals.ImportTests;

namespace SalesPipeline.Tests.Deals;

// Which loss of an imported history gets the record's loss reason and competitor: only the final close, the one the
// record describes; every earlier loss in the history is a loss for an unknown reason to no named competitor.
public sealed class ImportedLossHistoryTests
{
    private static readonly DealId Id = new("SF-1");

    private static DealImport Lost(params StageEntry[] history) =>
        Record("SF-1", "lost") with
        {
            Status = DealStatus.Lost,
            LossReason = LossReason.Price,
            Competitor = "Globex",
            History = history,
        };

    private static DealImported Observed(string stageId, DealStatus status, LossReason? reason = null, string? competitor = null) =>
        new(Id, H(1), Unknown.Actor, "Default", "Acme: 500 seats", "alice", Amount, Close, stageId, status, T0, true, reason, competitor);

    [Fact]
    public void Import_HistoryOfOnlyTheLoss_ObservesTheDealLostWithTheRecordsReasonAndCompetitor()
    {
        var deal = Default.Import(Lost(new StageEntry("lost", H(1))) with { ClosedAt = H(1) }, AsOfImport);

        Assert.Equal([Observed("lost", DealStatus.Lost, LossReason.Price, "Globex")], deal.Events);
        Assert.Equal((LossReason.Price, "Globex"), (deal.LossReason, deal.Competitor));
    }

    [Fact]
    public void Import_HistoryStartingWithALossThenReopened_ObservesThatLossWithAnUnknownReason()
    {
        var record = Record() with { History = [new StageEntry("lost", H(1)), new StageEntry("proposal", H(2))] };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal(
            [Observed("lost", DealStatus.Lost, LossReason.Unknown), new DealReopened(Id, H(2), Unknown.Actor, "proposal")],
            deal.Events
        );
        Assert.Equal((DealStatus.Open, "proposal"), (deal.Status, deal.StageId));
    }

    [Fact]
    public void Import_EarlierLossInAHistoryEndingInTheLoss_HasNoReasonOrCompetitor()
    {
        // qualified (H1), lost (H2), reopened into proposal (H3), lost again (H4): the record's close.
        var record = Lost(
            new StageEntry("qualified", H(1)),
            new StageEntry("lost", H(2)),
            new StageEntry("proposal", H(3)),
            new StageEntry("lost", H(4))
        ) with
        {
            ClosedAt = H(4),
        };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal(
            [
                Observed("qualified", DealStatus.Open),
                new DealLost(Id, H(2), Unknown.Actor, "lost", LossReason.Unknown, null),
                new DealReopened(Id, H(3), Unknown.Actor, "proposal"),
                new DealLost(Id, H(4), Unknown.Actor, "lost", LossReason.Price, "Globex"),
            ],
            deal.Events
        );
    }

    [Fact]
    public void Import_EarlierLossInAHistoryEndingOpen_HasNoReason_AndTheCloseAtClosedAtHasTheRecords()
    {
        // qualified (H1), lost (H2), reopened into proposal (H3); the record says lost at H(5): the close the history lacks.
        var record = Lost(new StageEntry("qualified", H(1)), new StageEntry("lost", H(2)), new StageEntry("proposal", H(3))) with
        {
            ClosedAt = H(5),
        };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal(
            [
                Observed("qualified", DealStatus.Open),
                new DealLost(Id, H(2), Unknown.Actor, "lost", LossReason.Unknown, null),
                new DealReopened(Id, H(3), Unknown.Actor, "proposal"),
                new DealLost(Id, H(5), Unknown.Actor, "lost", LossReason.Price, "Globex"),
            ],
            deal.Events
        );
        Assert.Equal(("proposal", H(5)), (deal.LastOpenStageId, deal.ClosedAt!.Value));
    }
}
