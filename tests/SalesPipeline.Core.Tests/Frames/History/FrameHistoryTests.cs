using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Frames.HistoryColumns;

public class FrameHistoryTests
{
    [Fact]
    public void EventsOf_AreTheDealsEvents_FieldByField_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                HistoryDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var history = HistoryOf(deals);
                    Assert.Equal(deals.Length, history.Count);
                    for (var r = 0; r < deals.Length; r++)
                    {
                        Assert.Equal(ExactText.Of(deals[r].Events), ExactText.Of(history.EventsOf(r)));
                    }
                }
            )
        );

    [Fact]
    public void DealAt_HasTheDealsState_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                HistoryDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var history = HistoryOf(deals);
                    for (var r = 0; r < deals.Length; r++)
                    {
                        var rebuilt = history.DealAt(r);
                        Assert.Equal(State(deals[r]), State(rebuilt));
                        Assert.Equal(deals[r], rebuilt);
                    }
                }
            )
        );

    [Fact]
    public void StoredHistories_AreTheDealsOwn_Property() =>
        // A history appended as a list (as a store reads it) is stored as the deal's own.
        PropertyAssert.Holds(
            Prop.ForAll(
                HistoryDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var fromDeals = HistoryOf(deals);
                    var builder = new FrameHistoryBuilder();
                    foreach (var deal in deals)
                    {
                        builder.Append(deal.Events.ToArray());
                    }
                    var fromLists = builder.Build();
                    for (var r = 0; r < deals.Length; r++)
                    {
                        Assert.Equal(ExactText.Of(fromDeals.EventsOf(r)), ExactText.Of(fromLists.EventsOf(r)));
                    }
                }
            )
        );

    [Fact]
    public void EventTable_MeansWhatDealFramesDoes_Property() =>
        // Step 2 lets DealFrame's event table be these columns: the same starts, ticks, kinds, stage codes, day
        // numbers and import flags as DealFrame.Of computes, and the same stage dictionary.
        PropertyAssert.Holds(
            Prop.ForAll(
                HistoryDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var history = HistoryOf(deals);
                    var frame = DealFrame.Of(deals);
                    Assert.Equal(frame.EventStart, history.EventStart);
                    Assert.Equal(frame.EventAt, history.EventAt);
                    Assert.Equal(frame.EventKind, history.EventKind);
                    Assert.Equal(frame.Stages, history.Stages);
                    for (var e = 0; e < history.EventCount; e++)
                    {
                        if (FrameHistory.HasStage(history.EventKind[e]) || history.EventKind[e] == FrameEventKind.ExpectedCloseChanged)
                        {
                            Assert.Equal(frame.EventArg[e], history.EventArg[e]);
                        }
                        if (history.EventKind[e] is FrameEventKind.Imported or FrameEventKind.StageMoved)
                        {
                            Assert.Equal(frame.EventAux[e], history.EventAux[e]);
                        }
                    }
                }
            )
        );

    [Fact]
    public void DealAt_FromManyThreadsAtOnce_IsTheDeal()
    {
        // The history is immutable: rows rebuilt on several threads at once, each several times, are each the deal.
        var deals = HistoryDeals.Deals.Sample(40, new Rnd(7UL), 20).SelectMany(d => d).ToArray();
        var history = HistoryOf(deals);
        var states = new string[deals.Length * 4];
        Parallel.For(0, states.Length, i => states[i] = State(history.DealAt(i % deals.Length)));
        for (var i = 0; i < states.Length; i++)
        {
            Assert.Equal(State(deals[i % deals.Length]), states[i]);
        }
    }

    [Fact]
    public void Generator_CoversEveryEventKind()
    {
        // Not vacuous: the properties above meet every event type, hostile fields and the wide side tables.
        var deals = HistoryDeals.Deals.Sample(60, new Rnd(20261206UL), 30).SelectMany(d => d).ToArray();
        var seen = deals.SelectMany(d => d.Events).Select(e => e.GetType()).ToHashSet();
        Assert.Empty(EventTypes().Where(t => !seen.Contains(t)).Select(t => t.Name));
        var history = HistoryOf(deals);
        Assert.True(history.SubTicks.Count > 0 && history.Causes.Count > 0 && history.Losses.Count > 0);
        Assert.True(history.HeadAmount.Wide.Count > 0 && history.Skips.Count > 0);
    }

    internal static Type[] EventTypes() =>
        typeof(DealEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DealEvent)) && !t.IsAbstract).ToArray();

    internal static FrameHistory HistoryOf(IEnumerable<Deal> deals)
    {
        var builder = new FrameHistoryBuilder();
        foreach (var deal in deals)
        {
            builder.Append(deal);
        }
        return builder.Build();
    }

    // Everything a caller can see of a deal, and what the metrics read of its internals.
    internal static string State(Deal deal) =>
        ExactText.Of(deal)
        + " PausedInStage = "
        + ExactText.Of(deal.PausedInStage)
        + " FirstClose = "
        + ExactText.Of(deal.FirstExpectedClose);
}
