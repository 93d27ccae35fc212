using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Tests.Deals;

namespace SalesPipeline.Tests.Activities;

public class ActivityIndexTests
{
    private static readonly DealId D1 = new("D-1");
    private static readonly LeadId L1 = new("L-1");

    private static Instant Day(int day, int hour = 9) => Instant.FromUtc(2026, 3, day, hour, 0);

    [Fact]
    public void LastTouchOf_Deal_IsLatestOfEventsAndActivities()
    {
        // Created Mar 2 09:00 (T0); amount changed Mar 5; a call on Mar 9; a demo on Mar 20 after asOf Mar 15.
        var deal = DealFixtures.Run(
            DealFixtures.Default,
            DealFixtures.NewDeal(),
            DealCommand.ChangeAmountTo(SalesPipeline.Money.Of(70_000m, SalesPipeline.Currency.USD), Day(5), "alice")
        );
        var index = ActivityIndex.Create([
            Activity.ForDeal(ActivityKind.Demo, Day(20), "alice", D1),
            Activity.ForDeal(ActivityKind.Call, Day(9), "alice", D1, ActivityOutcome.Connected),
            Activity.ForDeal(ActivityKind.Call, Day(25), "bob", new DealId("D-2")),
        ]);

        Assert.Equal(Day(20), index.LastTouchOf(deal));
        Assert.Equal(Day(9), index.LastTouchOf(deal, Day(15)));
        Assert.Equal(Day(5), index.LastTouchOf(deal, Day(8)));
        Assert.Equal(Day(5), ActivityIndex.Empty.LastTouchOf(deal));
        Assert.Equal(DealFixtures.T0, index.LastTouchOf(deal, Day(3)));
    }

    [Fact]
    public void LastTouchOf_AsOfBeforeCreation_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ActivityIndex.Empty.LastTouchOf(DealFixtures.NewDeal(), Day(1)));
        Assert.Equal("asOf", ex.ParamName);
        Assert.Contains("D-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lead_TouchesComeFromLeadAndActivities_CreationIsNotATouch()
    {
        var lead = Lead.Create(L1, "Globex", LeadSource.Web, "alice", Day(2));
        var index = ActivityIndex.Create([Activity.ForLead(ActivityKind.Email, Day(4), "alice", L1)]);

        Assert.Null(ActivityIndex.Empty.LastTouchOf(lead));
        Assert.Null(ActivityIndex.Empty.FirstTouchOf(lead));
        Assert.Equal(Day(4), index.FirstTouchOf(lead));
        Assert.Null(index.LastTouchOf(lead, Day(3)));

        var touched = lead.Touch(Day(3)).Touch(Day(6));
        Assert.Equal(Day(3), index.FirstTouchOf(touched));
        Assert.Equal(Day(6), index.LastTouchOf(touched));
        Assert.Equal(Day(4), index.LastTouchOf(touched, Day(5)));
        Assert.Equal(Day(3), index.LastTouchOf(touched, Day(3)));
    }

    [Fact]
    public void ForDeal_SortsByTime_KeepsOrderOfTies()
    {
        var first = Activity.ForDeal(ActivityKind.Email, Day(3), "alice", D1);
        var tieA = Activity.ForDeal(ActivityKind.Call, Day(4), "alice", D1);
        var tieB = Activity.ForDeal(ActivityKind.Meeting, Day(4), "bob", D1);
        var index = ActivityIndex.Create([tieA, first, tieB]);

        Assert.Equal([first, tieA, tieB], index.ForDeal(D1));
        Assert.Empty(index.ForDeal(new DealId("D-9")));
        Assert.Empty(index.ForLead(L1));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Create_NullActivity_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() =>
            ActivityIndex.Create([Activity.ForLead(ActivityKind.Call, Day(3), "a", L1), null!])
        );
        Assert.Equal("activities", ex.ParamName);
        Assert.Contains("Activity 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_BadInput_Throws()
    {
        Assert.Equal("rep", Assert.Throws<ArgumentException>(() => Activity.ForDeal(ActivityKind.Call, Day(3), " ", D1)).ParamName);
        Assert.Equal("deal", Assert.Throws<ArgumentException>(() => Activity.ForDeal(ActivityKind.Call, Day(3), "a", default)).ParamName);
        Assert.Equal("lead", Assert.Throws<ArgumentException>(() => Activity.ForLead(ActivityKind.Call, Day(3), "a", default)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Activity.ForLead((ActivityKind)9, Day(3), "a", L1));
        Assert.Equal("kind", ex.ParamName);
        Assert.Contains("9", ex.Message, StringComparison.Ordinal);
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => new ActivityOutcome("")).ParamName);
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var index = ActivityIndex.Empty;

        Assert.Equal("activities", Assert.Throws<ArgumentNullException>(() => ActivityIndex.Create(null!)).ParamName);
        Assert.Equal("deal", Assert.Throws<ArgumentNullException>(() => index.LastTouchOf((Deal)null!)).ParamName);
        Assert.Equal("lead", Assert.Throws<ArgumentNullException>(() => index.LastTouchOf((Lead)null!)).ParamName);
        Assert.Equal("lead", Assert.Throws<ArgumentNullException>(() => index.FirstTouchOf(null!)).ParamName);
    }

    // "At or before asOf": an event or an activity exactly at the as-of instant counts.
    [Fact]
    public void LastTouchOf_Deal_counts_an_event_exactly_at_asOf()
    {
        // Created T0 = Mar 2 09:00, amount changed Mar 5 09:00; no activities.
        var deal = DealFixtures.Run(
            DealFixtures.Default,
            DealFixtures.NewDeal(),
            DealCommand.ChangeAmountTo(SalesPipeline.Money.Of(70_000m, SalesPipeline.Currency.USD), Day(5), "alice")
        );

        Assert.Equal(Day(5), ActivityIndex.Empty.LastTouchOf(deal, Day(5)));
        Assert.Equal(DealFixtures.T0, ActivityIndex.Empty.LastTouchOf(deal, Day(5).Minus(Duration.FromTicks(1))));
        Assert.Equal(DealFixtures.T0, ActivityIndex.Empty.LastTouchOf(deal, DealFixtures.T0));
    }

    // An imported deal was created (elsewhere) before its first event here, the import: the import is a change, so it is
    // its last touch; before the import only its creation is known.
    [Fact]
    public void LastTouchOf_ImportedDeal_is_the_import_event_not_the_creation()
    {
        var deal = DealFixtures.Default.Import(
            new DealImport
            {
                Id = D1,
                Owner = "alice",
                Amount = SalesPipeline.Money.Of(10_000m, SalesPipeline.Currency.USD),
                StageId = "proposal",
                ExpectedClose = new LocalDate(2026, 6, 30),
                CreatedAt = Day(2),
            },
            Day(10)
        );

        Assert.Equal(Day(10), ActivityIndex.Empty.LastTouchOf(deal));
        Assert.Equal(Day(2), ActivityIndex.Empty.LastTouchOf(deal, Day(5)));
    }

    [Fact]
    public void LastTouchOf_Lead_counts_its_own_last_touch_exactly_at_asOf()
    {
        // Touched Mar 3 and Mar 6; no activities. At asOf = Mar 6 the Mar 6 touch counts; a tick earlier only Mar 3 does.
        var lead = Lead.Create(L1, "Globex", LeadSource.Web, "alice", Day(2)).Touch(Day(3)).Touch(Day(6));

        Assert.Equal(Day(6), ActivityIndex.Empty.LastTouchOf(lead, Day(6)));
        Assert.Equal(Day(3), ActivityIndex.Empty.LastTouchOf(lead, Day(6).Minus(Duration.FromTicks(1))));
    }

    [Fact]
    public void LastTouchOf_Lead_counts_an_activity_exactly_at_asOf()
    {
        var lead = Lead.Create(L1, "Globex", LeadSource.Web, "alice", Day(2)).Touch(Day(3));
        var index = ActivityIndex.Create([Activity.ForLead(ActivityKind.Call, Day(4), "alice", L1)]);

        Assert.Equal(Day(4), index.LastTouchOf(lead, Day(4)));
        Assert.Equal(Day(3), index.LastTouchOf(lead, Day(4).Minus(Duration.FromTicks(1))));
    }

    [Fact]
    public void LastTouchOf_UntouchedLead_is_its_latest_activity()
    {
        var lead = Lead.Create(L1, "Globex", LeadSource.Web, "alice", Day(2));
        var index = ActivityIndex.Create([
            Activity.ForLead(ActivityKind.Email, Day(4), "alice", L1),
            Activity.ForLead(ActivityKind.Call, Day(7), "alice", L1),
        ]);

        Assert.Equal(Day(7), index.LastTouchOf(lead));
        Assert.Equal(Day(4), index.LastTouchOf(lead, Day(5)));
    }

    // The later of the lead's own touch and its latest activity wins, whichever it is; at equal instants both give the same.
    [Theory]
    [InlineData(6, 4, 6)]
    [InlineData(4, 6, 6)]
    [InlineData(5, 5, 5)]
    public void LastTouchOf_Lead_is_the_later_of_its_own_touch_and_its_activity(int touchDay, int activityDay, int expectedDay)
    {
        var lead = Lead.Create(L1, "Globex", LeadSource.Web, "alice", Day(2)).Touch(Day(touchDay));
        var index = ActivityIndex.Create([Activity.ForLead(ActivityKind.Meeting, Day(activityDay), "bob", L1)]);

        Assert.Equal(Day(expectedDay), index.LastTouchOf(lead));
    }

    [Fact]
    public void LastTouchOf_Deal_EqualsBruteForceMaximum_Property()
    {
        var gen = from offsets in Gen.ListOf(Gen.Choose(0, 400)) from asOf in Gen.Choose(0, 500) select (offsets.ToArray(), asOf);
        PropertyAssert.Holds(
            Prop.ForAll(
                gen.ToArbitrary(),
                input =>
                {
                    var (offsets, asOfHours) = input;
                    var deal = DealFixtures.NewDeal();
                    var activities = offsets.Select(h => Activity.ForDeal(ActivityKind.Call, DealFixtures.H(h), "alice", D1)).ToList();
                    var asOf = DealFixtures.H(asOfHours);
                    var expected = offsets.Where(h => h <= asOfHours).Select(h => DealFixtures.H(h)).Append(DealFixtures.T0).Max();
                    return ActivityIndex.Create(activities).LastTouchOf(deal, asOf) == expected;
                }
            )
        );
    }
}
