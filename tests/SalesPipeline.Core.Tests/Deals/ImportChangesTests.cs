using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;
using static SalesPipeline.Tests.Deals.ImportTests;

namespace SalesPipeline.Tests.Deals;

// Field changes of imported deals, worked by hand. Instants: T0 = 2026-03-02T09:00:00Z is the creation, H(n) is T0 + n
// hours (H(5) = 14:00Z, H(10) = 19:00Z, H(48) = 2026-03-04T09:00:00Z), and the export (asOf) is 2026-05-01T09:00:00Z.
public sealed partial class ImportChangesTests
{
    private static readonly DealId Sf9 = new("SF-9");

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static LocalDate Day(int month, int day) => new(2026, month, day);

    // Created in Prospecting at T0 with USD 10,000 closing 30 April, owned by alice; moved to Proposal by carol at H(48).
    // Amount 10,000 -> 12,000 (H5, alice) -> 15,000 (H30); close 30 April -> 31 May (H10) -> 30 June (H48, carol, in the
    // same save as the move); owner alice -> bob (H20).
    private static DealImport Tracked() =>
        new()
        {
            Id = Sf9,
            Name = "Acme: 500 seats",
            Owner = "bob",
            Amount = Usd(15_000m),
            StageId = "proposal",
            ExpectedClose = Day(6, 30),
            CreatedAt = T0,
            History = [new StageEntry("prospecting", T0), new StageEntry("proposal", H(48), "carol")],
            AmountChanges = [new(H(5), Usd(10_000m), Usd(12_000m), "alice"), new(H(30), Usd(12_000m), Usd(15_000m))],
            ExpectedCloseChanges = [new(H(10), Day(4, 30), Day(5, 31)), new(H(48), Day(5, 31), Day(6, 30), "carol")],
            OwnerChanges = [new(H(20), "alice", "bob")],
        };

    [Fact]
    public void Import_Changes_BecomeEventsInTimeOrder_AfterAFirstEventWithTheValuesBeforeThem()
    {
        var deal = Default.Import(Tracked(), AsOfImport);

        Assert.Equal(
            [
                new DealImported(
                    Sf9,
                    T0,
                    Unknown.Actor,
                    "Default",
                    "Acme: 500 seats",
                    "alice",
                    Usd(10_000m),
                    Day(4, 30),
                    "prospecting",
                    DealStatus.Open,
                    T0,
                    StageEntryKnown: true
                ),
                new AmountChanged(Sf9, H(5), "alice", Usd(12_000m)),
                new ExpectedCloseChanged(Sf9, H(10), Unknown.Actor, Day(5, 31)),
                new OwnerReassigned(Sf9, H(20), Unknown.Actor, "bob"),
                new AmountChanged(Sf9, H(30), Unknown.Actor, Usd(15_000m)),
                // The change saved with the move at H(48) comes first.
                new ExpectedCloseChanged(Sf9, H(48), "carol", Day(6, 30)),
                new StageMoved(Sf9, H(48), "carol", "prospecting", "proposal", MoveDirection.Forward, 1),
            ],
            deal.History
        );
        Assert.Equal(("bob", Usd(15_000m), Day(6, 30)), (deal.Owner, deal.Amount, deal.ExpectedClose));
        // At H(25): the second amount change and the second close change are still to come; bob owns it since H(20).
        var then = deal.AsOf(H(25));
        Assert.Equal(("bob", Usd(12_000m), Day(5, 31), "prospecting"), (then.Owner, then.Amount, then.ExpectedClose, then.StageId));
        Assert.Equal(deal, Deal.FromEvents(Default, deal.Events));
    }

    [Fact]
    public void Import_ChangesAtOneInstant_AreAmountThenCloseThenOwner()
    {
        var record = Record() with
        {
            StageEnteredAt = H(1),
            Owner = "bob",
            Amount = Usd(70_000m),
            ExpectedClose = Day(7, 31),
            OwnerChanges = [new(H(3), "alice", "bob")],
            ExpectedCloseChanges = [new(H(3), Close, Day(7, 31))],
            AmountChanges = [new(H(3), Amount, Usd(70_000m))],
        };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal(
            [typeof(DealImported), typeof(AmountChanged), typeof(ExpectedCloseChanged), typeof(OwnerReassigned)],
            deal.History.Select(e => e.GetType())
        );
    }

    [Fact]
    public void Import_ChangeAtTheWinningInstant_ComesBeforeTheWin_AndTheOwnerMayChangeAfterIt()
    {
        // One save sets the final amount and wins the deal at H(10); the deal is handed to the account manager at H(11).
        var record = Record("SF-1", "won") with
        {
            Status = DealStatus.Won,
            ClosedAt = H(10),
            Owner = "dana",
            Amount = Usd(65_000m),
            History = [new StageEntry("negotiation", T0), new StageEntry("won", H(10))],
            AmountChanges = [new(H(10), Amount, Usd(65_000m))],
            OwnerChanges = [new(H(11), "alice", "dana")],
        };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal(
            [typeof(DealImported), typeof(AmountChanged), typeof(DealWon), typeof(OwnerReassigned)],
            deal.History.Select(e => e.GetType())
        );
        Assert.Equal((DealStatus.Won, Usd(65_000m), "dana"), (deal.Status, deal.Amount, deal.Owner));
    }

    [Fact]
    public void Import_ChangeAtTheReopeningInstant_ComesAfterTheReopening()
    {
        var pipeline = Multi();
        var lost = pipeline.LostStage.Id;
        var record = Record("SF-1", "demo") with
        {
            Amount = Usd(80_000m),
            History = [new StageEntry("discovery", T0), new StageEntry(lost, H(5)), new StageEntry("demo", H(10))],
            AmountChanges = [new(H(10), Amount, Usd(80_000m))],
        };

        var deal = pipeline.Import(record, AsOfImport);

        Assert.Equal(
            [typeof(DealImported), typeof(DealLost), typeof(DealReopened), typeof(AmountChanged)],
            deal.History.Select(e => e.GetType())
        );
    }

    [Fact]
    public void Import_AmountChangeInAnotherCurrency_IsAccepted()
    {
        // Core's ChangeAmount allows a re-quote in another currency; the import does too.
        var eur = Money.Of(55_000m, Currency.EUR);
        var record = Record() with { StageEnteredAt = H(1), Amount = eur, AmountChanges = [new(H(2), Amount, eur)] };

        var deal = Default.Import(record, AsOfImport);

        Assert.Equal((Amount, eur), (((DealImported)deal.History[0]).Amount, deal.Amount));
    }

    [Fact]
    public void Health_AnImportedDealWhoseCloseWasPushedTwice_IsFlaggedAsANativeOneIs()
    {
        // By hand: 30 April -> 31 May is later (push 1), 31 May -> 30 June is later (push 2); 2 > CloseDatePushLimit 1.
        var native = Deal.Open(Default, new DealId("N-1"), "Native", "alice", Usd(10_000m), Day(4, 30), T0);
        native = Default.ChangeExpectedCloseTo(native, Day(5, 31), H(10), "alice");
        native = Default.ChangeExpectedCloseTo(native, Day(6, 30), H(48), "carol");
        var imported = Default.Import(Tracked(), AsOfImport);
        // Pushed once (30 April -> 30 June) then pulled in (30 June -> 15 May): one push, not above the limit.
        var pulled = Default.Import(
            Record("SF-2") with
            {
                StageEnteredAt = H(1),
                ExpectedClose = Day(5, 15),
                ExpectedCloseChanges = [new(H(2), Day(4, 30), Day(6, 30)), new(H(3), Day(6, 30), Day(5, 15))],
            },
            AsOfImport
        );

        var report = PipelineHealth.Inspect([native, imported, pulled], Default, AsOfImport);

        var pushed = report.FindingsOf(FindingKind.CloseDatePushed);
        Assert.Equal(["N-1", "SF-9"], pushed.Select(f => f.Deal!.Value.Value).Order());
        Assert.All(pushed, f => Assert.Equal((2m, 1m, HealthUnit.Count), (f.Measured, f.Threshold, f.Unit)));
    }
}
