using SalesPipeline.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// A deal's Events: indexing stops at Count, whatever its storage holds beyond it, and the versions of a deal sharing
// that storage never see each other's later events.
public sealed class EventLogTests
{
    [Fact]
    public void Events_IndexAtCountOrBelowZero_ThrowsOutOfRangeGivingTheValidRange()
    {
        // Two events in storage with room for four: index 2 is past the end even though a slot exists.
        var deal = InQualified();

        foreach (var index in new[] { 2, -1 })
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => deal.Events[index]);
            Assert.Equal(index, ex.ActualValue);
            AssertArgumentMessage(ex, "index", "Index must be between 0 and 1.");
        }
    }

    [Fact]
    public void Events_IndexPastAnOlderVersionsEnd_IsRefusedThoughANewerVersionWroteThere()
    {
        var older = NewDeal();
        var newer = Run(Default, older, DealCommand.Move("qualified", H(1), "alice"));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => older.Events[1]);

        AssertArgumentMessage(ex, "index", "Index must be between 0 and 0.");
        Assert.Equal(2, newer.Events.Count);
    }

    [Fact]
    public void AppendingToAnOlderVersion_ChangesNeitherIt_NorTheNewerVersionBuiltFromIt()
    {
        var opened = NewDeal();
        var created = opened.Events[0];
        var moved = Run(Default, opened, DealCommand.Move("qualified", H(1), "alice"));
        var movedEvents = moved.Events.ToArray();

        // The older version takes another path after the newer one was built from it.
        var reassigned = Run(Default, opened, DealCommand.Reassign("bob", H(2), "alice"));
        // And each goes on: past the first four slots for the newer one.
        var longer = Run(
            Default,
            moved,
            DealCommand.Answer("use-case", H(3), "alice"),
            DealCommand.Answer("budget", H(4), "alice"),
            DealCommand.Answer("technical-fit", H(5), "alice")
        );
        var reassignedTwice = Run(Default, reassigned, DealCommand.Reassign("carol", H(6), "bob"));

        Assert.Equal([created], opened.Events);
        Assert.Equal(movedEvents, moved.Events);
        Assert.Equal([created, new OwnerReassigned(opened.Id, H(2), "alice", "bob")], reassigned.Events);
        Assert.Equal(
            [
                created,
                new StageMoved(opened.Id, H(1), "alice", "prospecting", "qualified", MoveDirection.Forward, 0),
                new ExitCriterionAnswered(opened.Id, H(3), "alice", "use-case"),
                new ExitCriterionAnswered(opened.Id, H(4), "alice", "budget"),
                new ExitCriterionAnswered(opened.Id, H(5), "alice", "technical-fit"),
            ],
            longer.Events
        );
        Assert.Equal(longer.Events.Take(2), movedEvents);
        Assert.Equal(
            [created, new OwnerReassigned(opened.Id, H(2), "alice", "bob"), new OwnerReassigned(opened.Id, H(6), "bob", "carol")],
            reassignedTwice.Events
        );
        Assert.Equal(("qualified", "alice"), (moved.StageId, moved.Owner));
        Assert.Equal(("prospecting", "bob"), (reassigned.StageId, reassigned.Owner));
    }
}
