using NodaTime;
using SalesPipeline.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;
using static SalesPipeline.Tests.Deals.ImportTests;

namespace SalesPipeline.Tests.Deals;

// Each rule of the changes reported as exactly one ImportError, and a rejected record yielding no deal. Record() is an
// open deal in Proposal, USD 60,000, closing 2026-06-30, owned by alice, created at T0; with StageEnteredAt = H(1) its
// first observation is H(1) = 2026-03-02T10:00:00Z.
public sealed partial class ImportChangesTests
{
    private static readonly DealImport Observed = Record() with { StageEnteredAt = H(1) };

    private static void AssertOnlyError(DealImport record, string field, string value, string rule)
    {
        var result = Default.Import([record], AsOfImport);

        Assert.Equal([new ImportError(0, record.Id, field, value, rule)], result.Errors);
        Assert.Empty(result.Deals);
    }

    [Fact]
    public void Error_NullList() =>
        AssertOnlyError(
            Observed with
            {
                OwnerChanges = null!,
            },
            "OwnerChanges",
            "null",
            "The changes are a list; use [] when they are unknown."
        );

    [Fact]
    public void Error_NullChange() =>
        AssertOnlyError(Observed with { AmountChanges = [null!] }, "AmountChanges[0]", "null", "A change must not be null.");

    [Fact]
    public void Error_BlankActor() =>
        AssertOnlyError(
            Observed with
            {
                AmountChanges = [new(H(2), Usd(1m), Amount, " ")],
            },
            "AmountChanges[0].By",
            "\" \"",
            "The actor is not empty when given; leave it null when unknown."
        );

    [Fact]
    public void Error_NegativeAmount() =>
        AssertOnlyError(
            Observed with
            {
                AmountChanges = [new(H(2), Usd(-5m), Amount)],
            },
            "AmountChanges[0].Before",
            "USD -5.00",
            "A deal amount must not be negative."
        );

    [Fact]
    public void Error_BlankOwner() =>
        AssertOnlyError(
            Observed with
            {
                OwnerChanges = [new(H(2), "", "alice")],
            },
            "OwnerChanges[0].Before",
            "\"\"",
            "Every deal has an owner; it must not be empty."
        );

    [Fact]
    public void Error_UnsupportedDate() =>
        AssertOnlyError(
            Observed with
            {
                ExpectedCloseChanges = [new(H(2), new LocalDate(0, 12, 31), Close)],
            },
            "ExpectedCloseChanges[0].Before",
            "0000-12-31",
            "Dates must be between 0001-01-01 and 9999-12-31; it was 0000-12-31."
        );

    [Fact]
    public void Error_ChangeThatChangesNothing() =>
        AssertOnlyError(
            Observed with
            {
                AmountChanges = [new(H(2), Amount, Money.Of(60_000.00m, Currency.USD))],
            },
            "AmountChanges[0].After",
            "USD 60,000.00",
            "A change changes the value: its before and after values are equal."
        );

    [Fact]
    public void Error_BrokenChain() =>
        AssertOnlyError(
            Observed with
            {
                AmountChanges = [new(H(2), Usd(100m), Usd(200m)), new(H(3), Usd(300m), Amount)],
            },
            "AmountChanges[1].Before",
            "USD 300.00",
            "Each change starts from the value the change before ended with (USD 200.00)."
        );

    [Fact]
    public void Error_LastChangeNotTheCurrentValue() =>
        AssertOnlyError(
            Observed with
            {
                OwnerChanges = [new(H(2), "alice", "bob")],
            },
            "OwnerChanges[0].After",
            "\"bob\"",
            "The last change ends in the record's current value (\"alice\")."
        );

    [Fact]
    public void Error_ChangeBeforeTheFirstObservation() =>
        AssertOnlyError(
            Observed with
            {
                ExpectedCloseChanges = [new(T0, new LocalDate(2026, 5, 31), Close)],
            },
            "ExpectedCloseChanges[0].At",
            "2026-03-02T09:00:00Z",
            "A change before the deal's first observation (2026-03-02T10:00:00Z, its StageEnteredAt) cannot be an event of the deal, whose imported history starts there; give the stage history from earlier to keep it."
        );

    [Fact]
    public void Error_ChangeOfAnOpenDealSeenOnlyAtAsOf()
    {
        // Without history or StageEnteredAt, the deal is first observed at asOf: every earlier change is out of its history.
        var record = Record() with
        {
            OwnerChanges = [new(H(2), "bob", "alice")],
        };

        AssertOnlyError(
            record,
            "OwnerChanges[0].At",
            "2026-03-02T11:00:00Z",
            "A change before the deal's first observation (2026-05-01T09:00:00Z, the import's asOf: an open deal with neither a history nor a StageEnteredAt is observed there) cannot be an event of the deal, whose imported history starts there; give the stage history from earlier to keep it."
        );
    }

    [Fact]
    public void Error_ChangeAfterAsOf() =>
        AssertOnlyError(
            Observed with
            {
                AmountChanges = [new(AsOfImport.Plus(Duration.FromSeconds(1)), Usd(1m), Amount)],
            },
            "AmountChanges[0].At",
            "2026-05-01T09:00:01Z",
            "A change cannot be later than the import's asOf (2026-05-01T09:00:00Z)."
        );

    [Fact]
    public void Error_ChangesOutOfTimeOrder() =>
        AssertOnlyError(
            Observed with
            {
                ExpectedCloseChanges =
                [
                    new(H(5), new LocalDate(2026, 5, 31), new LocalDate(2026, 6, 15)),
                    new(H(3), new LocalDate(2026, 6, 15), Close),
                ],
            },
            "ExpectedCloseChanges[1].At",
            "2026-03-02T12:00:00Z",
            "Changes are oldest first; the change before is at 2026-03-02T14:00:00Z."
        );

    [Fact]
    public void Error_AmountChangeOfAWonDeal()
    {
        // Won at H(10) = 19:00Z; a change at H(11) = 20:00Z falls while the deal is won.
        var record = Record("SF-1", "won") with
        {
            Status = DealStatus.Won,
            ClosedAt = H(10),
            History = [new StageEntry("negotiation", T0), new StageEntry("won", H(10))],
            AmountChanges = [new(H(11), Usd(1m), Amount)],
        };

        AssertOnlyError(
            record,
            "AmountChanges[0].At",
            "2026-03-02T20:00:00Z",
            "The deal is won at this instant (since 2026-03-02T19:00:00Z); a won or lost deal's amount and expected close date do not change (only its owner may), so this change cannot be an event of it."
        );
    }

    [Fact]
    public void Error_EachListIsCheckedOnItsOwn()
    {
        var record = Observed with { AmountChanges = [new(H(2), Usd(1m), Usd(2m))], OwnerChanges = [new(H(2), "alice", "alice")] };

        var result = Default.Import([record], AsOfImport);

        Assert.Equal(["AmountChanges[0].After", "OwnerChanges[0].After"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, result.Accepted);
    }
}
