using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Frames;

public class DealFrameTests
{
    [Fact]
    public void EveryDealEventType_HasAFrameKind()
    {
        // A new event type must be taught to the frame (EventTable.Entry) before any metric reads it from columns.
        var types = typeof(DealEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DealEvent)) && !t.IsAbstract).ToArray();
        Assert.Equal(21, types.Length);
        foreach (var type in types)
        {
            var name = type.Name.StartsWith("Deal", StringComparison.Ordinal) ? type.Name[4..] : type.Name;
            Assert.True(Enum.TryParse<FrameEventKind>(name, out _), $"{type.Name} has no FrameEventKind.");
        }
    }

    [Fact]
    public void Columns_AreTheDealsFields_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FrameDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var frame = DealFrame.Of(deals);
                    for (var r = 0; r < deals.Length; r++)
                    {
                        var deal = deals[r];
                        Assert.Equal(deal.Status, (DealStatus)frame.Status[r]);
                        Assert.Equal(deal.Pipeline, frame.Pipelines[frame.Pipeline[r]]);
                        Assert.Equal(deal.StageId, frame.Stages[frame.Stage[r]]);
                        Assert.Equal(deal.OwnerKey, frame.OwnerKeys[frame.OwnerKey[r]]);
                        Assert.Equal(deal.Amount.Currency, frame.Currencies[frame.AmountCurrency[r]]);
                        // The mantissa and scale give back the very decimal, trailing zeros included.
                        Assert.Equal(
                            deal.Amount.Amount.ToString(CultureInfo.InvariantCulture),
                            Exactness
                                .ToDecimal(frame.AmountMantissa[r], frame.AmountScale[r], frame.AmountScale[r])
                                .ToString(CultureInfo.InvariantCulture)
                        );
                        Assert.Equal(deal.ExpectedClose, LocalDate.FromDateOnly(DateOnly.FromDayNumber(frame.ExpectedCloseDay[r])));
                        Assert.Equal(
                            deal.FirstExpectedClose,
                            LocalDate.FromDateOnly(DateOnly.FromDayNumber(frame.FirstExpectedCloseDay[r]))
                        );
                        Assert.Equal(deal.CreatedAt.ToUnixTimeTicks(), frame.CreatedAt[r]);
                        Assert.Equal((deal.ClosedAt ?? deal.StoppedAt)?.ToUnixTimeTicks() ?? DealFrame.NoInstant, frame.DecidedAt[r]);
                        Assert.Equal(deal.LastEventAt.ToUnixTimeTicks(), frame.LastEventAt(r));
                        Assert.Equal(deal.ObservedFrom.ToUnixTimeTicks(), frame.ObservedFrom(r));
                        Assert.Equal(deal.Events.Count, frame.EventStart[r + 1] - frame.EventStart[r]);
                        Assert.Equal(
                            deal.ProbabilityOverride?.ToString(CultureInfo.InvariantCulture),
                            frame.ProbabilityOverride[r] is var p and >= 0
                                ? frame.ProbabilityOverrides[p].ToString(CultureInfo.InvariantCulture)
                                : null
                        );
                        Assert.Equal(deal.CategoryOverride is { } c ? (byte)c : DealFrame.NoCategory, frame.CategoryOverride[r]);
                    }
                    Assert.Equal(frame.OwnerKeys.Order(StringComparer.Ordinal), frame.OwnerKeys);
                    Assert.Equal(frame.Stages.Order(StringComparer.Ordinal), frame.Stages);
                    Assert.Equal(deals.All(d => IsWholeTicks(d)), frame.Exactness.WholeTicks);
                    return true;
                }
            )
        );

    [Fact]
    public void ZoneDays_AreTheLocalDates_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(-200_000, 200_000).ToArbitrary(),
                Gen.Elements("UTC", "Europe/Berlin", "America/Santiago", "Pacific/Apia", "Asia/Kathmandu", "America/St_Johns")
                    .ToArbitrary(),
                Gen.Choose(0, 86_399).ToArbitrary(),
                (hours, zoneId, seconds) =>
                {
                    var zone = DateTimeZoneProviders.Tzdb[zoneId];
                    var days = new ZoneDays(zone);
                    // Two instants in a row exercise the kept interval as well as a fresh look-up.
                    var first = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromHours(hours) + Duration.FromSeconds(seconds);
                    var second = first + Duration.FromSeconds(seconds * 7L);
                    return days.DayOf(first.ToUnixTimeTicks()) == first.InZone(zone).Date.ToDateOnly().DayNumber
                        && days.DayOf(second.ToUnixTimeTicks()) == second.InZone(zone).Date.ToDateOnly().DayNumber;
                }
            )
        );

    [Fact]
    public void ListCache_ReusesTheFrame_UntilTheListChanges()
    {
        var deals = FrameDeals.PlainDeals.Sample(50, new Rnd(7UL), 10).SelectMany(d => d).ToList();
        Assert.True(deals.Count > 1);
        var first = DealFrames.For(deals);
        Assert.Same(first, DealFrames.For(deals));
        (deals[0], deals[1]) = (deals[1], deals[0]);
        var second = DealFrames.For(deals);
        Assert.NotSame(first, second);
        Assert.Same(deals[0], second!.DealAt(0));
        Assert.Null(DealFrames.For(deals.Select(d => d))); // a lazy sequence is read once, by the deal code
        Assert.Null(DealFrames.For([deals[0], null!])); // the deal code reports the null element by position
    }

    [Fact]
    public void ListCache_ComparesInParts_AndSeesAChangeInAnyPart()
    {
        // Split from 2 rows, so the identity check runs in parts: a change in the last part alone is still seen, for an
        // array and for a List<Deal> (both compared as memory) and for another list type (compared through its indexer).
        using var split = FramePartitions.SplitFrom(2);
        var deals = FrameDeals.PlainDeals.Sample(50, new Rnd(13UL), 10).SelectMany(d => d).ToList();
        Assert.True(deals.Count > 2);
        var other = deals[0];
        foreach (
            var list in new IList<Deal>[]
            {
                deals.ToArray(),
                deals.ToList(),
                new System.Collections.ObjectModel.Collection<Deal>(deals.ToList()),
            }
        )
        {
            var first = DealFrames.For((IReadOnlyList<Deal>)list);
            Assert.Same(first, DealFrames.For((IReadOnlyList<Deal>)list));
            list[^1] = other;
            var second = DealFrames.For((IReadOnlyList<Deal>)list);
            Assert.NotSame(first, second);
            Assert.Same(other, second!.DealAt(list.Count - 1));
        }
    }

    [Fact]
    public void DealList_IsTheFramesDealsInRowOrder_AndLeadsBackToTheFrame()
    {
        var deals = FrameDeals.PlainDeals.Sample(50, new Rnd(11UL), 10).SelectMany(d => d).ToArray();
        var frame = DealFrames.For(deals)!;
        var list = frame.DealList;
        Assert.Equal(deals.Length, list.Count);
        for (var r = 0; r < deals.Length; r++)
        {
            Assert.Same(deals[r], list[r]);
            Assert.Same(deals[r], frame.DealAt(r));
        }
        Assert.Equal(deals, list);
        Assert.Same(frame, DealFrames.For(list)); // no check, no build: the list is the frame's own
        var past = frame.AsOf(Instant.MaxValue)!;
        Assert.Same(past, DealFrames.For(past.DealList));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => list[deals.Length]);
        Assert.Equal("index", error.ParamName);
    }

    private static bool IsWholeTicks(Deal deal) =>
        deal.Events.All(e => Instant.FromUnixTimeTicks(e.At.ToUnixTimeTicks()) == e.At)
        && Instant.FromUnixTimeTicks(deal.CreatedAt.ToUnixTimeTicks()) == deal.CreatedAt;
}
