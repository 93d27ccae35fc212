using SalesPipeline.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Pools, customers, comments and causes on the Default pipeline. Instants are T0 (2026-03-02T09:00Z) plus hours.
public sealed class PoolCustomerCommentTests
{
    private static readonly Customer Acme = new("ACC-1042", "Acme Corp");

    private static Deal InEmeaPool() =>
        Deal.OpenInPool(Default, new DealId("P-1"), "Acme renewal", "emea", Amount, Close, T0, "ops", customer: Acme);

    [Fact]
    public void OpenInPool_HasNoOwner_WaitsInTheTeamsPoolSinceCreation()
    {
        var deal = InEmeaPool();

        Assert.Null(deal.Owner);
        Assert.True(deal.IsInPool);
        Assert.Equal("emea", deal.Team);
        Assert.Equal(T0, deal.InPoolSince);
        Assert.Equal(Acme, deal.Customer);
        Assert.Equal("ops", deal.CreatedBy);
        Assert.Equal("P-1 Acme renewal | (unassigned) | USD 60,000.00 | prospecting | close 2026-06-30", deal.ToString());
        Assert.Equal(deal, Deal.FromEvents(Default, deal.Events));
    }

    [Fact]
    public void OpenInPool_TheCompanyPool_HasNoTeam()
    {
        var deal = Deal.OpenInPool(Default, new DealId("P-2"), "Inbound", null, Amount, Close, T0, "ops");

        Assert.Null(deal.Team);
        Assert.True(deal.IsInPool);
        Assert.Equal(T0, deal.InPoolSince);
    }

    [Fact]
    public void OpenInPool_ABlankTeam_IsRefusedNamingTheParameter() =>
        Assert.Equal(
            "team",
            Assert
                .Throws<ArgumentException>(() => Deal.OpenInPool(Default, new DealId("P-3"), "Inbound", " ", Amount, Close, T0, "ops"))
                .ParamName
        );

    [Fact]
    public void Reassign_FromAPool_GivesAnOwner_ClearsInPoolSince_KeepsTheTeam()
    {
        var deal = Default.Apply(InEmeaPool(), DealCommand.Reassign("bob", H(1), "maria")).GetDealOrThrow();

        Assert.Equal("bob", deal.Owner);
        Assert.False(deal.IsInPool);
        Assert.Null(deal.InPoolSince);
        Assert.Equal("emea", deal.Team);
        Assert.Equal(new OwnerReassigned(deal.Id, H(1), "maria", "bob"), deal.Events[^1]);
    }

    [Fact]
    public void AssignToPool_MovesBetweenPools_RestartingTheClock_AndRefusesTheSamePool()
    {
        var owned = Default.Apply(InEmeaPool(), DealCommand.Reassign("bob", H(1), "maria")).GetDealOrThrow();

        var company = Default.AssignToPool(owned, null, H(2), "admin");
        Assert.Null(company.Owner);
        Assert.Null(company.Team);
        Assert.Equal(H(2), company.InPoolSince);
        Assert.Equal(new DealAssignedToPool(owned.Id, H(2), "admin", null), company.Events[^1]);

        var again = Default.Apply(company, DealCommand.AssignToPool(null, H(3), "admin"));
        Assert.Same(company, again.Deal);
        Assert.Equal([RejectionCode.NothingToChange], again.Rejections.Select(r => r.Code));

        var apac = Default.AssignToPool(company, "apac", H(3), "admin");
        Assert.Equal("apac", apac.Team);
        Assert.Equal(H(3), apac.InPoolSince);

        // AsOf walks back through the pools.
        Assert.Equal("bob", apac.AsOf(H(1)).Owner);
        Assert.Null(apac.AsOf(H(1)).InPoolSince);
        Assert.Equal(T0, apac.AsOf(T0).InPoolSince);
        Assert.Null(apac.AsOf(H(2)).Team);
        Assert.Equal(H(2), apac.AsOf(H(2)).InPoolSince);
        Assert.Equal(apac, Deal.FromEvents(apac.Events));
        Assert.Equal(apac, Deal.FromEvents(Default, apac.Events));
    }

    [Fact]
    public void AssignToPool_OfAWonOrLostDeal_IsRefused_TheDecidedOwnerStays()
    {
        foreach (var closed in new[] { Won(), Lost() })
        {
            var refused = Default.Apply(closed, DealCommand.AssignToPool("emea", H(9), "admin"));

            Assert.Same(closed, refused.Deal);
            Assert.Equal([RejectionCode.DealClosed], refused.Rejections.Select(r => r.Code));
            Assert.Equal("alice", refused.Deal.Owner);
        }
    }

    [Fact]
    public void WinOrLose_OfAPooledDeal_IsRefusedUntilARepOwnsIt()
    {
        var pooled = InEmeaPool();

        var win = Default.Apply(pooled, DealCommand.Win(H(1), "maria"));
        var lose = Default.Apply(pooled, DealCommand.Lose(LossReason.Price, H(1), "maria"));

        Assert.Same(pooled, win.Deal);
        // Every reason: the pool, and winning from Prospecting skips Qualified with its three criteria unanswered.
        Assert.Equal(
            [
                RejectionCode.DealInPool,
                RejectionCode.SkippingNotAllowed,
                RejectionCode.UnmetExitCriterion,
                RejectionCode.UnmetExitCriterion,
                RejectionCode.UnmetExitCriterion,
            ],
            win.Rejections.Select(r => r.Code)
        );
        Assert.Equal([RejectionCode.DealInPool], lose.Rejections.Select(r => r.Code));
        Assert.Contains("team \"emea\"'s pool", win.Rejections[0].Message, StringComparison.Ordinal);

        var owned = Default.Apply(pooled, DealCommand.Reassign("bob", H(1), "maria")).GetDealOrThrow();
        Assert.True(Default.Apply(owned, DealCommand.Lose(LossReason.Price, H(2), "bob")).IsAccepted);
    }

    [Fact]
    public void FromEvents_AWinWhilePooled_IsRefused()
    {
        var pooled = InEmeaPool();
        var events = pooled.Events.Append(new DealLost(pooled.Id, H(1), "maria", "lost", LossReason.Price, null)).ToArray();

        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents(events));

        Assert.Contains("waits in a pool", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStoppedDeal_CanBePooledAndStaysStopped()
    {
        var stopped = Default.Stop(NewDeal(), StopReason.OnHold, H(1), "alice");

        var pooled = Default.AssignToPool(stopped, "emea", H(2), "maria");

        Assert.Equal(DealStatus.Stopped, pooled.Status);
        Assert.True(pooled.IsInPool);
        Assert.Equal(H(1), pooled.StoppedAt);
    }

    [Fact]
    public void ChangeCustomer_SetsAndChangesTheCustomer_InEveryStatus_AndRefusesTheSameOne()
    {
        var deal = NewDeal();
        Assert.Null(deal.Customer);

        var set = Default.ChangeCustomer(deal, Acme, H(1), "alice");
        Assert.Equal(Acme, set.Customer);
        Assert.Equal(new CustomerChanged(deal.Id, H(1), "alice", Acme), set.Events[^1]);

        var same = Default.Apply(set, DealCommand.ChangeCustomer(new Customer("ACC-1042", "Acme Corp"), H(2), "alice"));
        Assert.Equal([RejectionCode.NothingToChange], same.Rejections.Select(r => r.Code));

        // Account ids compare ordinally: a different case is another account.
        var other = Default.ChangeCustomer(set, new Customer("acc-1042", "Acme Corp"), H(2), "alice");
        Assert.Equal("acc-1042", other.Customer!.AccountId);

        var won = Default.ChangeCustomer(Won(), Acme, H(8), "admin");
        Assert.Equal(Acme, won.Customer);
        Assert.Equal(DealStatus.Won, won.Status);
        Assert.Equal(other, Deal.FromEvents(Default, other.Events));
    }

    [Fact]
    public void Customer_IsKeptAsGiven_AndRefusesBlankParts()
    {
        var customer = new Customer(" ACC-7 ", "Northwind Traders");

        Assert.Equal(" ACC-7 ", customer.AccountId);
        Assert.Equal("Northwind Traders ( ACC-7 )", customer.ToString());
        Assert.Equal("accountId", Assert.Throws<ArgumentException>(() => new Customer(" ", "x")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new Customer("ACC-7", null!)).ParamName);
    }

    [Fact]
    public void Comment_IsAcceptedInEveryStatus_AndKeptInOrderWithItsActivity()
    {
        var pipeline = Default;
        var open = pipeline.Comment(NewDeal(), "Call went well.", H(1), "maria");
        var stopped = pipeline.Comment(pipeline.Stop(open, StopReason.OnHold, H(2), "alice"), "Ping in May.", H(3), "maria", "ACT-9");
        var lost = pipeline.Comment(Lost(), "Price gap was 12%.", H(3), "olav");
        var won = pipeline.Comment(Won(), "Well done.", H(8), "olav");
        var pooled = pipeline.Comment(InEmeaPool(), "Who takes this?", H(1), "maria");

        Assert.Equal(
            [new DealComment(H(1), "maria", "Call went well.", null), new DealComment(H(3), "maria", "Ping in May.", "ACT-9")],
            stopped.Comments
        );
        Assert.Equal(new CommentAdded(open.Id, H(3), "maria", "Ping in May.", "ACT-9"), stopped.Events[^1]);
        Assert.Single(lost.Comments);
        Assert.Single(won.Comments);
        Assert.Single(pooled.Comments);
        Assert.Empty(stopped.AsOf(H(0)).Comments);
        Assert.Equal(stopped, Deal.FromEvents(pipeline, stopped.Events));
    }

    [Fact]
    public void Comment_DatedBeforeTheLatestEvent_IsRefused_AndABlankOneIsAnArgumentError()
    {
        var deal = Default.Comment(NewDeal(), "First.", H(2), "maria");

        var early = Default.Apply(deal, DealCommand.Comment("Earlier.", H(1), "maria"));

        Assert.Equal([RejectionCode.CommandBeforeLastEvent], early.Rejections.Select(r => r.Code));
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => DealCommand.Comment(" ", H(3), "maria")).ParamName);
        Assert.Equal("activityId", Assert.Throws<ArgumentException>(() => DealCommand.Comment("ok", H(3), "maria", "")).ParamName);
    }

    [Fact]
    public void Cause_IsCopiedFromTheCommandToTheEvent_AndCountsInEquality()
    {
        var pipeline = Multi();
        var deal = Run(
            pipeline,
            NewDeal(pipeline),
            DealCommand.Answer("need", H(1), "alice"),
            DealCommand.Answer("contact", H(1), "alice")
        );

        var caused = pipeline.Apply(deal, DealCommand.Move("demo", H(2), "alice") with { Cause = "quote Q-17 v2" }).GetDealOrThrow();
        var plain = pipeline.Apply(deal, DealCommand.Move("demo", H(2), "alice")).GetDealOrThrow();

        Assert.Equal("quote Q-17 v2", caused.Events[^1].Cause);
        Assert.Null(plain.Events[^1].Cause);
        Assert.NotEqual(caused, plain);
        Assert.Equal(caused, Deal.FromEvents(caused.Events));
        Assert.Equal(caused, Deal.FromEvents(pipeline, caused.Events));
        Assert.Equal("quote Q-17 v2", Deal.FromEvents(pipeline, caused.Events).Events[^1].Cause);
    }

    [Fact]
    public void Cause_Blank_IsRefusedOnTheCommand_AndInAStoredHistory_BothOverloads()
    {
        var deal = NewDeal();
        Assert.Equal(
            "Cause",
            Assert.Throws<ArgumentException>(() => DealCommand.Move("qualified", H(1), "alice") with { Cause = " " }).ParamName
        );

        var blankStep = deal.Events.Append(
            new StageMoved(deal.Id, H(1), "alice", "prospecting", "qualified", MoveDirection.Forward, 0) { Cause = " " }
        );
        var blankFirst = new DealEvent[] { (DealCreated)deal.Events[0] with { Cause = "" } };

        Assert.Contains(
            "cause is empty",
            Assert.Throws<ArgumentException>(() => Deal.FromEvents(blankStep)).Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "cause is empty",
            Assert.Throws<ArgumentException>(() => Deal.FromEvents(Default, blankStep)).Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "cause is empty",
            Assert.Throws<ArgumentException>(() => Deal.FromEvents(blankFirst)).Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "cause is empty",
            Assert.Throws<ArgumentException>(() => Deal.FromEvents(Default, blankFirst)).Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Cause_OfAStoredEvent_IsCheckedAgainstWhatThePipelineMakes()
    {
        // The pipeline derives the event from its command with the stored cause, so a cause on any event survives.
        var deal = NewDeal();
        var events = deal
            .Events.Append(new DealStopped(deal.Id, H(1), "alice", StopReason.OnHold) { Cause = "quote Q-3 declined" })
            .ToArray();

        var rebuilt = Deal.FromEvents(Default, events);

        Assert.Equal("quote Q-3 declined", rebuilt.Events[^1].Cause);
        Assert.Equal(H(1), rebuilt.StoppedAt);
    }
}
