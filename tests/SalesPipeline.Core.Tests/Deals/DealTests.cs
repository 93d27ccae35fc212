using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Deal: opening, the event history, AsOf, shared event storage between versions.
public sealed partial class DealTests
{
    private static readonly DealId D1 = new("D-1");

    // A scripted life of a deal: each command one hour after the previous, starting at H(1).
    private static DealCommand[] Script() =>
        [
            DealCommand.Move("qualified", H(1), "alice"),
            DealCommand.Answer("use-case", H(2), "alice"),
            DealCommand.ChangeAmountTo(Money.Of(72_500m, Currency.USD), H(3), "alice"),
            DealCommand.Answer("technical-fit", H(4), "alice"),
            DealCommand.OverrideProbabilityTo(0.3m, H(5), "alice"),
            DealCommand.Answer("budget", H(6), "alice"),
            DealCommand.Move("proposal", H(7), "alice"),
            DealCommand.Reassign("bob", H(8), "manager"),
            DealCommand.Lose(LossReason.Competitor, H(9), "bob", "Globex"),
            DealCommand.Reopen(H(10), "manager"),
            DealCommand.Move("negotiation", H(11), "bob"),
            DealCommand.Win(H(12), "bob"),
        ];

    [Fact]
    public void Open_WithProduct_RemembersIt_AndRejectsBlank()
    {
        var deal = Deal.Open(Multi(), D1, "Initech", "carol", Amount, Close, T0, product: "CRM Suite");
        Assert.Equal("CRM Suite", deal.Product);
        Assert.Equal("CRM Suite", Deal.FromEvents(deal.Events).Product);
        Assert.Null(NewDeal().Product);

        var ex = Assert.Throws<ArgumentException>(() => Deal.Open(Multi(), D1, "Initech", "carol", Amount, Close, T0, product: " "));
        Assert.Equal("product", ex.ParamName);
        var stored = new DealCreated(D1, T0, "carol", "Multi", "Initech", "carol", Amount, Close, "discovery", Product: "");
        Assert.Contains("product", Assert.Throws<ArgumentException>(() => Deal.FromEvents([stored])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StartsInFirstOpenStageWithOneDealCreatedEvent()
    {
        var deal = NewDeal();

        var created = Assert.IsType<DealCreated>(Assert.Single(deal.Events));
        Assert.Equal(new DealCreated(D1, T0, "alice", "Default", "Acme: 500 seats", "alice", Amount, Close, "prospecting"), created);
        Assert.Equal(("prospecting", "prospecting", DealStatus.Open), (deal.StageId, deal.LastOpenStageId, deal.Status));
        Assert.Equal((T0, T0, T0), (deal.CreatedAt, deal.StageEnteredAt, deal.LastEventAt));
        Assert.Empty(deal.AnsweredCriteria);
        Assert.Null(deal.ClosedAt);
        Assert.Same(deal.Events, deal.History);
    }

    [Fact]
    public void Open_WithActorAndLead_RecordsThem()
    {
        var deal = Deal.Open(Multi(), D1, "Initech", "carol", Amount, Close, T0, by: "importer", leadId: new LeadId("L-7"));

        var created = (DealCreated)deal.Events[0];
        Assert.Equal(("importer", "carol", "Multi", "discovery"), (created.By, created.Owner, created.Pipeline, created.StageId));
        Assert.Equal(new LeadId("L-7"), deal.LeadId);
        Assert.Equal("importer", deal.CreatedBy);
    }

    [Fact]
    public void Apply_EachAcceptedCommand_AppendsExactlyOneEventAndKeepsEveryEarlierEvent()
    {
        var deal = NewDeal();
        var snapshots = new List<DealEvent[]> { deal.Events.ToArray() };

        foreach (var command in Script())
        {
            var result = Default.Apply(deal, command);
            Assert.True(result.IsAccepted, result.ToString());
            deal = result.Deal;
            snapshots.Add(deal.Events.ToArray());
        }

        for (var i = 1; i < snapshots.Count; i++)
        {
            Assert.Equal(snapshots[i - 1].Length + 1, snapshots[i].Length);
            for (var j = 0; j < snapshots[i - 1].Length; j++)
            {
                Assert.Same(snapshots[i - 1][j], snapshots[i][j]);
            }
            Assert.Equal(H(i), snapshots[i][^1].At);
        }
        Assert.Equal(
            [
                typeof(DealCreated),
                typeof(StageMoved),
                typeof(ExitCriterionAnswered),
                typeof(AmountChanged),
                typeof(ExitCriterionAnswered),
                typeof(ProbabilityOverridden),
                typeof(ExitCriterionAnswered),
                typeof(StageMoved),
                typeof(OwnerReassigned),
                typeof(DealLost),
                typeof(DealReopened),
                typeof(StageMoved),
                typeof(DealWon),
            ],
            deal.Events.Select(e => e.GetType())
        );
    }

    [Fact]
    public void AsOf_BeforeCreation_ThrowsAndTryAsOfReturnsFalse()
    {
        var deal = Run(Default, NewDeal(), Script());
        var before = T0.Minus(Duration.FromTicks(1));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => deal.AsOf(before));
        Assert.Equal("instant", ex.ParamName);
        Assert.Contains("2026-03-02T09:00:00Z", ex.Message, StringComparison.Ordinal);
        Assert.False(deal.TryAsOf(before, out var past));
        Assert.Null(past);
    }

    [Fact]
    public void AsOf_CreationInstant_IsTheFreshDeal()
    {
        var deal = Run(Default, NewDeal(), Script());

        Assert.Equal(NewDeal(), deal.AsOf(T0));
        Assert.True(deal.TryAsOf(T0, out var past));
        Assert.Equal("prospecting", past.StageId);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(6, 30)]
    [InlineData(9, 0)]
    [InlineData(11, 0)]
    public void AsOf_IntermediateInstant_EqualsTheDealBuiltFromTheCommandsUpToThen(int hours, int minutes)
    {
        var commands = Script();
        var deal = Run(Default, NewDeal(), commands);
        var instant = H(hours).Plus(Duration.FromMinutes(minutes));

        var expected = Run(Default, NewDeal(), commands.Where(c => c.At <= instant).ToArray());

        var past = deal.AsOf(instant);
        Assert.Equal(expected, past);
        Assert.Equal(expected.Events, past.Events);
        Assert.Equal(
            (expected.StageId, expected.Status, expected.Owner, expected.Amount, expected.LossReason, expected.ClosedAt),
            (past.StageId, past.Status, past.Owner, past.Amount, past.LossReason, past.ClosedAt)
        );
        Assert.Equal(expected.AnsweredCriteria, past.AnsweredCriteria);
        Assert.Equal(expected.ProbabilityOverride, past.ProbabilityOverride);
    }

    [Fact]
    public void AsOf_AtHourNine_SeesTheDealLostToGlobexByBob()
    {
        // Worked by hand from the script: lost at H(9) after reassignment to bob at H(8), amount changed at H(3).
        var past = Run(Default, NewDeal(), Script()).AsOf(H(9));

        Assert.Equal(DealStatus.Lost, past.Status);
        Assert.Equal("bob", past.Owner);
        Assert.Equal("Globex", past.Competitor);
        Assert.Equal(Money.Of(72_500m, Currency.USD), past.Amount);
        Assert.Equal("proposal", past.LastOpenStageId);
        Assert.Equal(["budget", "technical-fit", "use-case"], past.AnsweredCriteria);
        Assert.Equal(10, past.Events.Count);
    }

    [Fact]
    public void AsOf_AtOrAfterTheLatestEvent_IsTheDealItself()
    {
        var deal = Run(Default, NewDeal(), Script());

        Assert.Same(deal, deal.AsOf(H(12)));
        Assert.Same(deal, deal.AsOf(H(1000)));
    }

    [Fact]
    public void AsOf_WithSeveralEventsAtTheSameInstant_IncludesAllOfThem()
    {
        var deal = Run(
            Default,
            NewDeal(),
            DealCommand.Move("qualified", H(1), "a"),
            DealCommand.Answer("budget", H(1), "a"),
            DealCommand.Answer("use-case", H(2), "a")
        );

        Assert.Equal(3, deal.AsOf(H(1)).Events.Count);
        Assert.Equal(["budget"], deal.AsOf(H(1)).AnsweredCriteria);
    }

    [Theory]
    [InlineData(0)] // branch from the one-event version: the shared buffer has free slots
    [InlineData(2)] // three events
    [InlineData(3)] // four events: the first buffer is exactly full
    [InlineData(7)] // eight events: the grown buffer is exactly full
    public void Apply_TwoCommandsToTheSameOlderVersion_GiveIndependentHistories(int prefix)
    {
        var commands = Script();
        var older = Run(Default, NewDeal(), commands.Take(prefix).ToArray());
        var olderEvents = older.Events.ToArray();
        var newer = Run(Default, older, commands.Skip(prefix).Take(1).ToArray()); // takes the next slot first
        var at = H(prefix + 1);

        var a = Default.ApplyOrThrow(older, DealCommand.Reassign("zoe", at, "manager"));
        var b = Default.ApplyOrThrow(older, DealCommand.ChangeExpectedCloseTo(new LocalDate(2027, 1, 15), at, "manager"));
        var a2 = Default.ApplyOrThrow(a, DealCommand.ChangeExpectedCloseTo(new LocalDate(2027, 2, 1), at, "zoe"));
        var b2 = Default.ApplyOrThrow(b, DealCommand.Reassign("yan", at, "manager"));

        Assert.Equal(olderEvents, older.Events);
        Assert.Equal(olderEvents.Length, older.Events.Count);
        Assert.Equal(olderEvents, newer.Events.Take(olderEvents.Length));
        Assert.Equal(olderEvents.Length + 1, newer.Events.Count);
        Assert.Equal(commands[prefix].By, newer.Events[^1].By);
        Assert.Equal(olderEvents.Append(new OwnerReassigned(D1, at, "manager", "zoe")), a.Events);
        Assert.Equal(olderEvents.Append(new ExpectedCloseChanged(D1, at, "manager", new LocalDate(2027, 1, 15))), b.Events);
        Assert.Equal(a.Events.Append(new ExpectedCloseChanged(D1, at, "zoe", new LocalDate(2027, 2, 1))), a2.Events);
        Assert.Equal(b.Events.Append(new OwnerReassigned(D1, at, "manager", "yan")), b2.Events);
        Assert.Equal(("zoe", Close), (a.Owner, a.ExpectedClose));
        Assert.Equal("yan", b2.Owner);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Apply_BranchFromOlderVersionThenGrowBoth_NeitherSeesTheOthersEvents()
    {
        var root = Run(Default, NewDeal(), DealCommand.Move("qualified", H(1), "a"));
        var left = root;
        var right = root;
        for (var i = 0; i < 20; i++)
        {
            // Alternate which branch appends first, so each one sometimes finds the next slot taken.
            var amount = Money.Of(1_000m + i, Currency.USD);
            if (i % 2 == 0)
            {
                left = Default.ApplyOrThrow(left, DealCommand.ChangeAmountTo(amount, H(2 + i), "left"));
                right = Default.ApplyOrThrow(right, DealCommand.ChangeExpectedCloseTo(Close.PlusDays(i + 1), H(2 + i), "right"));
            }
            else
            {
                right = Default.ApplyOrThrow(right, DealCommand.ChangeExpectedCloseTo(Close.PlusDays(i + 1), H(2 + i), "right"));
                left = Default.ApplyOrThrow(left, DealCommand.ChangeAmountTo(amount, H(2 + i), "left"));
            }
        }

        Assert.Equal(2, root.Events.Count);
        Assert.Equal(22, left.Events.Count);
        Assert.Equal(22, right.Events.Count);
        Assert.All(left.Events.Skip(2), e => Assert.Equal("left", e.By));
        Assert.All(right.Events.Skip(2), e => Assert.Equal("right", e.By));
        Assert.Equal(Money.Of(1_019m, Currency.USD), left.Amount);
        Assert.Equal(Close.PlusDays(20), right.ExpectedClose);
        Assert.Equal(Amount, right.Amount);
    }

    [Fact]
    public void Apply_ManyThreadsToTheSameVersion_EachGetsOnlyItsOwnEvent()
    {
        // Versions share one buffer; concurrent appends to the same version must each end up with their own copy.
        var root = Run(Default, NewDeal(), DealCommand.Move("qualified", H(1), "a"));
        var rootEvents = root.Events.ToArray();
        var results = new Deal[2_000];

        System.Threading.Tasks.Parallel.For(
            0,
            results.Length,
            i => results[i] = Default.ApplyOrThrow(root, DealCommand.Reassign($"rep-{i}", H(2), "manager"))
        );

        Assert.Equal(rootEvents, root.Events);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(rootEvents.Append(new OwnerReassigned(D1, H(2), "manager", $"rep-{i}")), results[i].Events);
        }
    }

    [Fact]
    public void Equals_SameHistoryBuiltTwice_AreEqual()
    {
        var a = Run(Default, NewDeal(), Script());
        var b = Run(Default, NewDeal(), Script());

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Run(Default, NewDeal(id: "D-2"), Script()));
        Assert.NotEqual(a, a.AsOf(H(11)));
    }

    [Fact]
    public void ToString_ShowsIdNameOwnerAmountStateAndCloseDate()
    {
        Assert.Equal("D-1 Acme: 500 seats | alice | USD 60,000.00 | prospecting | close 2026-06-30", NewDeal().ToString());
        Assert.EndsWith("| lost (price) | close 2026-06-30", Lost().ToString(), StringComparison.Ordinal);
    }
}
