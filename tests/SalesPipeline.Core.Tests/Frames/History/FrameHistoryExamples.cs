using System.Globalization;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Frames.HistoryColumns;

// Worked examples of the rare paths, each checked against values worked out by hand, and the architecture rule that
// every event type has an encoding.
public class FrameHistoryExamples
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly DealId Id = new("D-1");

    private static Instant H(int hours) => T0 + Duration.FromHours(hours);

    // One history with every event type after the creation, valid for Deal.FromEvents (no pipeline).
    internal static DealEvent[] EveryKind() =>
        [
            new DealCreated(
                Id,
                T0,
                "alice",
                "Default",
                "Acme: 500 seats",
                "alice",
                Money.Of(60_000m, Currency.USD),
                new LocalDate(2026, 6, 30),
                "prospecting",
                new LeadId("L-1"),
                LeadSource.Web,
                "core",
                null,
                new Customer("ACC-1", "Acme")
            ),
            new ExitCriterionAnswered(Id, H(1), "alice", "budget-confirmed"),
            new StageMoved(Id, H(2), "alice", "prospecting", "qualified", MoveDirection.Forward, 0) { Cause = "quote Q-17 v2" },
            new ExitCriterionWithdrawn(Id, H(3), "alice", "budget-confirmed"),
            new AmountChanged(Id, H(4), "alice", Money.Of(12_500.50m, Currency.USD)),
            new ExpectedCloseChanged(Id, H(5), "alice", new LocalDate(2026, 7, 31)),
            new ProbabilityOverridden(Id, H(6), "manager", 0.350m, ValueSource.Model),
            new ProbabilityOverrideCleared(Id, H(7), "manager"),
            new CategoryOverridden(Id, H(8), "manager", ForecastCategory.Commit),
            new CategoryOverrideCleared(Id, H(9), "manager"),
            new CompetitorNoted(Id, H(10), "alice", "Globex"),
            new CustomerChanged(Id, H(11), "alice", new Customer("ACC-2", "Acme Holding")),
            new DealAssignedToPool(Id, H(12), "manager", "emea"),
            new OwnerReassigned(Id, H(13), "manager", "bob"),
            new DealStopped(Id, H(14), "bob", StopReason.OnHold),
            new DealResumed(Id, H(20), "bob", "qualified"),
            new StageMoved(Id, H(21), "bob", "qualified", "negotiation", MoveDirection.Forward, 1),
            new DealLost(Id, H(22), "bob", "lost", LossReason.Price, "Initech"),
            new DealReopened(Id, H(23), "manager", "proposal"),
            new DealWon(Id, H(24), "bob", "won"),
            new CommentAdded(Id, H(25), "bob", "Signed — 署名済み", "ACT-9"),
        ];

    [Fact]
    public void EveryEventType_HasAnEncoding()
    {
        // A new DealEvent type fails here until it has an example above, and then until the builder encodes it.
        var imported = DealFixtures();
        var examples = EveryKind().Concat(imported.Events).ToArray();
        var missing = FrameHistoryTests.EventTypes().Where(t => !examples.Any(e => e.GetType() == t)).Select(t => t.Name);
        Assert.Empty(missing);
        var deals = new[] { Deal.FromEvents(EveryKind()), imported };
        var history = FrameHistoryTests.HistoryOf(deals);
        for (var r = 0; r < deals.Length; r++)
        {
            Assert.Equal(ExactText.Of(deals[r].Events), ExactText.Of(history.EventsOf(r)));
            Assert.Equal(FrameHistoryTests.State(deals[r]), FrameHistoryTests.State(history.DealAt(r)));
        }
        // The every-kind deal ends won by bob, at USD 12,500.50 (the change at H(4)), closing 2026-07-31, with the
        // competitors noted (Globex) and lost to (Initech), paused 6 hours in "qualified" before it moved on.
        var deal = history.DealAt(0);
        Assert.Equal(
            ("bob", DealStatus.Won, "12500.50"),
            (deal.Owner, deal.Status, deal.Amount.Amount.ToString(CultureInfo.InvariantCulture))
        );
        Assert.Equal(["Globex", "Initech"], deal.Competitors);
        Assert.Equal(new LocalDate(2026, 7, 31), deal.ExpectedClose);
        Assert.Equal("emea", deal.Team);
    }

    // An imported closed deal: lost to Globex for price, observed at H(2), created at T0.
    private static Deal DealFixtures() =>
        PipelineDefinition.Default.Import(
            new DealImport
            {
                Id = new DealId("I-1"),
                Name = "Initech renewal",
                Owner = "carol",
                Amount = Money.Of(9_000m, Currency.EUR),
                StageId = "lost",
                Status = DealStatus.Lost,
                ExpectedClose = new LocalDate(2026, 5, 1),
                CreatedAt = T0,
                ClosedAt = H(2),
                LossReason = LossReason.Price,
                Competitor = "Globex",
            },
            H(48)
        );

    [Fact]
    public void ImportedClosedDeal_KeepsItsLossReasonAndCompetitor()
    {
        var deal = DealFixtures();
        var history = FrameHistoryTests.HistoryOf([deal]);
        var first = history.EventStart[0];
        Assert.Equal(FrameEventKind.Imported, history.EventKind[first]);
        Assert.Equal((byte)DealStatus.Lost, (byte)(history.EventAux[first] & ~DealFrame.ImportedStageEntryKnown));
        Assert.True(history.Losses.TryGet(first, out var loss));
        Assert.Equal(("price", "Globex"), (history.LossReasons[loss.Reason].Code, history.Competitors[loss.Competitor]));
        var rebuilt = history.DealAt(0);
        Assert.Equal(
            (LossReason.Price, "Globex", T0, H(2)),
            (rebuilt.LossReason, rebuilt.Competitor, rebuilt.CreatedAt, rebuilt.ObservedFrom)
        );
        Assert.Equal(["Globex"], rebuilt.Competitors);
        Assert.Equal(Unknown.Stage, rebuilt.LastOpenStageId);
        Assert.Equal(FrameHistoryTests.State(deal), FrameHistoryTests.State(rebuilt));
    }

    [Fact]
    public void SubTickNanoseconds_AreKeptBesideTheTicks()
    {
        // 09:00:00.000000057: 0 whole ticks past 09:00 plus 57 ns; the tick column holds 09:00's ticks, the side table 57.
        // 1969-12-31T23:59:59.999999999Z is 1 ns before the epoch: the tick column holds Instant.ToUnixTimeTicks of it.
        var late = T0.PlusNanoseconds(57);
        var early = Instant.FromUnixTimeTicks(0).PlusNanoseconds(-1);
        var events = EveryKind();
        events[0] = events[0] with { At = early };
        events[1] = events[1] with { At = late };
        var history = Stored(events);
        Assert.Equal(T0.ToUnixTimeTicks(), history.EventAt[1]);
        Assert.True(history.SubTicks.TryGet(1, out var ns) && ns == 57);
        Assert.Equal(early.ToUnixTimeTicks(), history.EventAt[0]);
        Assert.Equal(late, history.EventsOf(0)[1].At);
        Assert.Equal(early, history.EventsOf(0)[0].At);
    }

    [Fact]
    public void WideDecimals_KeepEveryDigitAndTheirScale()
    {
        // 28 significant digits: no long holds the mantissa 9999999999999999999999999999, so the amount goes whole to
        // the side table. Scale 28 (1e-28) is mantissa 1 at scale 28, which the columns hold. Both come back digit for
        // digit, as does a probability with 27 trailing zeros (its own dictionary of decimals, by their bits).
        var events = EveryKind();
        events[0] = ((DealCreated)events[0]) with { Amount = Money.Of(9999999999999999.999999999999m, Currency.USD) };
        events[4] = ((AmountChanged)events[4]) with { Amount = Money.Of(0.0000000000000000000000000001m, Currency.USD) };
        events[6] = ((ProbabilityOverridden)events[6]) with { Probability = 0.5000000000000000000000000000m };
        var history = Stored(events);
        Assert.Equal(1, history.HeadAmount.Wide.Count);
        Assert.Equal(
            (0, 1L, (byte)28),
            (history.ChangedAmounts.Wide.Count, history.ChangedAmounts.Mantissa[0], history.ChangedAmounts.Scale[0])
        );
        var decoded = history.EventsOf(0);
        Assert.Equal("9999999999999999.999999999999", ((DealCreated)decoded[0]).Amount.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.0000000000000000000000000001", ((AmountChanged)decoded[4]).Amount.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(
            "0.5000000000000000000000000000",
            ((ProbabilityOverridden)decoded[6]).Probability.ToString(CultureInfo.InvariantCulture)
        );
    }

    [Fact]
    public void DatesOfAnotherCalendar_AreKeptWhole()
    {
        // 2026-06-17 Julian (2026-06-30 ISO) has no place in a day-number column: the column says None and the side
        // table holds the date, calendar and all. A store could hold it, though Deal.FromEvents would refuse it.
        var julian = new LocalDate(2026, 6, 17, CalendarSystem.Julian);
        var events = EveryKind();
        events[5] = ((ExpectedCloseChanged)events[5]) with { ExpectedClose = julian };
        var history = Stored(events);
        Assert.Equal(FrameHistory.None, history.EventArg[5]);
        var decoded = ((ExpectedCloseChanged)history.EventsOf(0)[5]).ExpectedClose;
        Assert.Equal((julian, CalendarSystem.Julian), (decoded, decoded.Calendar));
        Assert.Equal(julian, history.DealAt(0).ExpectedClose);
        Assert.Equal(new LocalDate(2026, 6, 30).ToDateOnly().DayNumber, history.HeadClose[0]);
    }

    [Fact]
    public void NullAndEmptyOptionals_StayApart()
    {
        // A store may hold an empty activity id, cause or team where another history has none: each comes back as it was.
        var events = EveryKind();
        var comment = (CommentAdded)events[^1];
        DealEvent[] extra =
        [
            comment with
            {
                At = H(26),
                ActivityId = null,
            },
            comment with
            {
                At = H(27),
                ActivityId = "",
            },
            comment with
            {
                At = H(28),
                Cause = "",
            },
            comment with
            {
                At = H(29),
                Text = "",
            },
        ];
        var history = Stored([.. events, .. extra]);
        var decoded = history.EventsOf(0)[^4..];
        Assert.Equal(ExactText.Of(extra), ExactText.Of(decoded));
        Assert.Equal([null, "", "ACT-9", "ACT-9"], decoded.Select(e => ((CommentAdded)e).ActivityId));
        Assert.Equal([null, null, "", null], decoded.Select(e => e.Cause));
    }

    // A text's length is written seven bits a byte; from 64 UTF-8 bytes on (a length of 128 or more, shifted for the
    // UTF-16 flag) it takes more than one byte, each with the continuation bit set: a long name, comment or id, in UTF-8
    // and in the UTF-16 a lone surrogate needs, comes back as it went in.
    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(8_192)]
    [InlineData(70_000)]
    public void LongTexts_ComeBackExactly(int length)
    {
        var utf8 = new string('x', length - 1) + "é";
        var utf16 = new string('y', length - 1) + "\uD800";
        var created = (DealCreated)EveryKind()[0];
        var history = Stored([created with { Name = utf8, DealId = new DealId(utf16) }]);
        var deal = history.DealAt(0);
        Assert.Equal((utf8, utf16), (deal.Name, deal.Id.Value));
        var heap = new TextHeap.Builder(reuse: false);
        var offsets = new[] { heap.Add(utf8), heap.Add(utf16), heap.Add("") };
        var built = heap.Build();
        Assert.Equal([utf8, utf16, ""], offsets.Select(o => built[o]));
    }

    [Fact]
    public void DefaultLeadId_ComesBackAsTheDefault_NotAsNoLead()
    {
        // default(LeadId) is a value (its text is ""), which Deal.Open accepts; it must neither throw on the way back
        // (new LeadId("") would) nor turn into "no lead".
        var events = EveryKind();
        var created = (DealCreated)events[0];
        DealEvent[] withDefault = [created with { LeadId = default(LeadId) }];
        DealEvent[] withNone = [created with { LeadId = null }];
        var history = Stored(withDefault);
        Assert.Equal(default(LeadId), ((DealCreated)history.EventsOf(0)[0]).LeadId);
        Assert.Equal(default(LeadId), history.DealAt(0).LeadId);
        Assert.Null(((DealCreated)Stored(withNone).EventsOf(0)[0]).LeadId);
    }

    [Fact]
    public void NonAsciiText_ComesBackExactly()
    {
        // UTF-8 in the heap for well-formed text; a lone surrogate (which UTF-8 cannot carry) as UTF-16 code units.
        var events = EveryKind();
        var comment = (CommentAdded)events[^1];
        DealEvent[] extra =
        [
            comment with
            {
                At = H(26),
                Text = "Preis zu hoch — 価格 🙁",
            },
            comment with
            {
                At = H(27),
                Text = "half a pair \uD83D here",
            },
        ];
        var decoded = Stored([.. events, .. extra]).EventsOf(0)[^2..];
        Assert.Equal("Preis zu hoch — 価格 🙁", ((CommentAdded)decoded[0]).Text);
        Assert.Equal("half a pair \uD83D here", ((CommentAdded)decoded[1]).Text);
    }

    [Fact]
    public void Append_RefusesWhatItCannotStore_AndAppendsNothing()
    {
        var builder = new FrameHistoryBuilder();
        builder.Append(EveryKind());
        var other = new DealId("D-2");
        var mixed = EveryKind();
        mixed[3] = mixed[3] with { DealId = other };
        var e1 = Assert.Throws<ArgumentException>(() => builder.Append(mixed));
        Assert.Equal("events", e1.ParamName);
        Assert.StartsWith(
            "Event 3 (ExitCriterionWithdrawn at 2026-03-02T12:00:00Z) belongs to deal D-2, not D-1.",
            e1.Message,
            StringComparison.Ordinal
        );
        Assert.Throws<ArgumentException>(() => builder.Append(Array.Empty<DealEvent>()));
        Assert.Throws<ArgumentException>(() => builder.Append(EveryKind()[1..]));
        Assert.Throws<ArgumentException>(() => builder.Append([EveryKind()[0], null!]));
        Assert.Throws<ArgumentNullException>(() => builder.Append((Deal)null!));
        Assert.Equal(1, builder.Count);
        var history = builder.Build();
        Assert.Equal(1, history.Count);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<ArgumentOutOfRangeException>(() => history.EventsOf(1));
    }

    [Fact]
    public void Losses_BeyondTheFirst255Pairs_GoToTheSideTable()
    {
        // 300 deals lost to 300 competitors: pairs 1 to 255 in EventAux (code plus one), the other 45 in Losses.
        var deals = Enumerable
            .Range(0, 300)
            .Select(i =>
            {
                var id = new DealId($"L-{i}");
                return Deal.FromEvents([
                    new DealCreated(
                        id,
                        T0,
                        "alice",
                        "Default",
                        "Lost one",
                        "alice",
                        Money.Of(1m, Currency.USD),
                        new LocalDate(2026, 6, 30),
                        "prospecting"
                    ),
                    new DealLost(id, H(1), "alice", "lost", LossReason.Competitor, $"C{i:D3}"),
                ]);
            })
            .ToArray();
        var history = FrameHistoryTests.HistoryOf(deals);
        Assert.Equal((255, 45), (history.LossPairs.Length, history.Losses.Count));
        Assert.Equal(0, history.EventAux[history.EventStart[299] + 1]);
        Assert.Equal(255, history.EventAux[history.EventStart[254] + 1]);
        for (var r = 0; r < deals.Length; r++)
        {
            Assert.Equal($"C{r:D3}", history.DealAt(r).Competitor);
            Assert.Equal(ExactText.Of(deals[r].Events), ExactText.Of(history.EventsOf(r)));
        }
    }

    [Fact]
    public void ImportedPooledDeal_KeepsItsCreationAndPoolEntry()
    {
        // Created in the other system at T0 + 7 ns, in the emea pool since T0 + 1 h + 3 ns, first observed in proposal at
        // H(5) (stage entry unknown), then given to dave: the creation and pool entry differ from the import's instant,
        // so both go to the deal-row side tables, sub-tick nanoseconds included.
        var id = new DealId("I-2");
        var created = T0.PlusNanoseconds(7);
        var pooled = H(1).PlusNanoseconds(3);
        DealEvent[] events =
        [
            new DealImported(
                id,
                H(5),
                Unknown.Actor,
                "Default",
                "Globex pilot",
                null,
                Money.Of(4_200.00m, Currency.EUR),
                new LocalDate(2026, 9, 30),
                "proposal",
                DealStatus.Open,
                created,
                false,
                LeadId: new LeadId("L-7"),
                Source: LeadSource.Partner,
                Product: "plus",
                Customer: new Customer("ACC-9", "Globex"),
                Team: "emea",
                InPoolSince: pooled
            ),
            new OwnerReassigned(id, H(6), "lead", "dave"),
        ];
        var deal = Deal.FromEvents(events);
        var history = FrameHistoryTests.HistoryOf([deal]);
        Assert.Equal((1, 1, 1), (history.ImportCreatedAt.Count, history.ImportCreatedSubTicks.Count, history.ImportInPoolSince.Count));
        var first = (DealImported)history.EventsOf(0)[0];
        Assert.Equal((created, pooled, false), (first.CreatedAt, first.InPoolSince, first.StageEntryKnown));
        Assert.Equal(ExactText.Of(events), ExactText.Of(history.EventsOf(0)));
        Assert.Equal(FrameHistoryTests.State(deal), FrameHistoryTests.State(history.DealAt(0)));
        Assert.Equal(("dave", "emea", created), (history.DealAt(0).Owner, history.DealAt(0).Team, history.DealAt(0).CreatedAt));
    }

    [Fact]
    public void AMoveFromAnotherStage_IsStoredAsItWasGiven()
    {
        // A stored move names the stage it left; in a history Deal.FromEvents accepts that is the stage the deal was in
        // (so it is not stored), but a store may hold another: it comes back as it was, from a side table.
        var events = EveryKind();
        events[2] = ((StageMoved)events[2]) with { FromStageId = "proposal" };
        var history = Stored(events);
        Assert.Equal(1, history.MovedFrom.Count);
        Assert.Equal("proposal", ((StageMoved)history.EventsOf(0)[2]).FromStageId);
        Assert.Equal("qualified", ((StageMoved)history.EventsOf(0)[16]).FromStageId);
    }

    private static FrameHistory Stored(DealEvent[] events)
    {
        var builder = new FrameHistoryBuilder();
        builder.Append(events);
        return builder.Build();
    }
}
