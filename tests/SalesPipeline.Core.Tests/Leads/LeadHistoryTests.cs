using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Leads;

public sealed class LeadHistoryTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly LeadId Id = new("L-1");

    private static Instant H(int hours) => Created.Plus(Duration.FromHours(hours));

    private static Lead NewLead() =>
        Lead.Create(Id, "Globex Corp (Jane Roe)", LeadSource.Referral, "alice", Created, "CRM Suite", by: "web-form");

    [Fact]
    public void Every_change_is_an_event_in_time_order()
    {
        var (lead, deal) = NewLead()
            .Touch(H(1))
            .Reassign("bob", H(2), by: "manager")
            .Touch(H(3))
            .Convert(PipelineDefinition.Default, new DealId("D-1"), Money.Of(9_000m, Currency.EUR), new LocalDate(2026, 6, 30), H(4));

        Assert.Equal(
            new LeadEvent[]
            {
                new LeadCreated(Id, Created, "web-form", "Globex Corp (Jane Roe)", LeadSource.Referral, "alice", "CRM Suite"),
                new LeadTouched(Id, H(1), "alice"),
                new LeadReassigned(Id, H(2), "manager", "bob"),
                new LeadTouched(Id, H(3), "bob"),
                new LeadConverted(Id, H(4), "bob", new DealId("D-1")),
            },
            lead.History
        );
        Assert.Equal("bob", deal.Owner);
        Assert.Equal(LeadStatus.Converted, lead.Status);
    }

    [Fact]
    public void Actor_defaults_to_the_owner_and_a_reassignment_to_the_new_owner()
    {
        var lead = NewLead().Reassign("bob", H(1)).Disqualify("no budget", H(2));

        Assert.Equal("bob", lead.History[1].By);
        Assert.Equal("bob", lead.History[2].By);
    }

    [Fact]
    public void FromEvents_rebuilds_an_equal_lead()
    {
        var lead = NewLead().Touch(H(1)).Reassign("bob", H(2)).Disqualify("student", H(5), by: "carol");

        var rebuilt = Lead.FromEvents(lead.History);

        Assert.Equal(lead, rebuilt);
        Assert.Equal(LeadStatus.Disqualified, rebuilt.Status);
        Assert.Equal("student", rebuilt.DisqualificationReason);
        Assert.Equal(H(1), rebuilt.FirstTouchAt);
        Assert.Equal(H(5), rebuilt.LastTouchAt);
        Assert.Equal(H(5), rebuilt.ClosedAt);
        Assert.Equal("bob", rebuilt.Owner);
    }

    [Fact]
    public void Equal_changes_give_equal_leads_and_a_different_history_an_unequal_one()
    {
        Assert.Equal(NewLead().Touch(H(1)), NewLead().Touch(H(1)));
        Assert.NotEqual(NewLead().Touch(H(1)), NewLead().Touch(H(2)));
        Assert.NotEqual(NewLead().Touch(H(1)), NewLead().Touch(H(1), by: "bob"));
    }

    [Fact]
    public void A_change_before_the_latest_event_is_refused_and_changes_nothing()
    {
        var lead = NewLead().Reassign("bob", H(3));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => lead.Touch(H(2)));

        Assert.Equal("at", ex.ParamName);
        Assert.Contains(H(3).ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, lead.History.Count);
        Assert.Equal(LeadStatus.New, lead.Status);
    }

    [Fact]
    public void Blank_actor_is_refused_naming_by()
    {
        Assert.Equal("by", Assert.Throws<ArgumentException>(() => NewLead().Touch(H(1), by: " ")).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentException>(() => NewLead().Reassign("bob", H(1), by: "")).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentException>(() => NewLead().Disqualify("spam", H(1), by: "\t")).ParamName);
        Assert.Equal(
            "by",
            Assert.Throws<ArgumentException>(() => Lead.Create(Id, "Initech", LeadSource.Web, "bob", Created, by: "")).ParamName
        );
    }

    [Fact]
    public void A_closed_lead_can_still_be_reassigned_but_not_touched()
    {
        var lead = NewLead().Disqualify("no budget", H(1)).Reassign("bob", H(2));

        Assert.Equal("bob", lead.Owner);
        Assert.Equal(LeadStatus.Disqualified, lead.Status);
        Assert.Throws<InvalidOperationException>(() => lead.Touch(H(3)));
    }

    public static TheoryData<string, LeadEvent[], string> BadHistories =>
        new()
        {
            { "empty", [], "empty" },
            { "no creation", [new LeadTouched(Id, H(1), "alice")], "starts with LeadCreated" },
            {
                "two creations",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadCreated(Id, H(1), "alice", "Globex", LeadSource.Web, "alice"),
                ],
                "Event 1"
            },
            {
                "another lead",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadTouched(new LeadId("L-2"), H(1), "alice"),
                ],
                "belongs to lead L-2"
            },
            {
                "back in time",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadTouched(Id, Created.Minus(Duration.FromSeconds(1)), "alice"),
                ],
                "before its latest event"
            },
            {
                "touch after conversion",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadConverted(Id, H(1), "alice", new DealId("D-1")),
                    new LeadTouched(Id, H(2), "alice"),
                ],
                "Event 2"
            },
            {
                "blank actor",
                [new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"), new LeadTouched(Id, H(1), " ")],
                "Event 1"
            },
            {
                "default deal id",
                [new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"), new LeadConverted(Id, H(1), "alice", default)],
                "default(DealId)"
            },
            { "blank name", [new LeadCreated(Id, Created, "alice", "", LeadSource.Web, "alice")], "Event 0" },
        };

    [Theory]
    [MemberData(nameof(BadHistories))]
    public void FromEvents_refuses_an_impossible_history_naming_the_event(string _, LeadEvent[] events, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Lead.FromEvents(events));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEvents_null_element_names_its_index()
    {
        var ex = Assert.Throws<ArgumentNullException>(() =>
            Lead.FromEvents([new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"), null!])
        );

        Assert.Contains("Event 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEvents_null_list_is_refused_naming_events()
    {
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => Lead.FromEvents(null!)).ParamName);
    }

    [Fact]
    public void FromEvents_a_second_LeadCreated_is_refused_with_the_rule()
    {
        LeadEvent[] events =
        [
            new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
            new LeadCreated(Id, H(1), "alice", "Globex", LeadSource.Web, "alice"),
        ];

        var ex = Assert.Throws<ArgumentException>(() => Lead.FromEvents(events));

        // H(1) is 2026-03-02 10:00 UTC.
        Assert.Equal(
            "Event 1 (LeadCreated at 2026-03-02T10:00:00Z) cannot follow the events before it: "
                + "a lead has one LeadCreated event, at the start of its history. (Parameter 'events')",
            ex.Message
        );
    }

    // A stored LeadConverted is checked like Convert: its actor, that the lead is still open, and its time.
    public static TheoryData<string, LeadEvent[], string> BadConversions =>
        new()
        {
            {
                "blank actor",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadConverted(Id, H(1), " ", new DealId("D-1")),
                ],
                "Event 1 (LeadConverted at 2026-03-02T10:00:00Z) cannot follow the events before it: "
                    + "Value must not be empty or whitespace; it was \" \". (Parameter 'by') (Parameter 'events')"
            },
            {
                "after disqualification",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadDisqualified(Id, H(1), "alice", "no budget"),
                    new LeadConverted(Id, H(2), "alice", new DealId("D-1")),
                ],
                "Event 2 (LeadConverted at 2026-03-02T11:00:00Z) cannot follow the events before it: "
                    + "Lead L-1 is disqualified, so it cannot be converted; converted and disqualified leads are final. (Parameter 'events')"
            },
            {
                "converted twice",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadConverted(Id, H(1), "alice", new DealId("D-1")),
                    new LeadConverted(Id, H(2), "alice", new DealId("D-2")),
                ],
                "Event 2 (LeadConverted at 2026-03-02T11:00:00Z) cannot follow the events before it: "
                    + "Lead L-1 is converted, so it cannot be converted; converted and disqualified leads are final. (Parameter 'events')"
            },
            {
                "back in time",
                [
                    new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
                    new LeadTouched(Id, H(2), "alice"),
                    new LeadConverted(Id, H(1), "alice", new DealId("D-1")),
                ],
                "Event 2 (LeadConverted at 2026-03-02T10:00:00Z) cannot follow the events before it: "
                    + "Lead L-1 cannot change at 2026-03-02T10:00:00Z: that is before its latest event, at 2026-03-02T11:00:00Z."
            },
        };

    [Theory]
    [MemberData(nameof(BadConversions))]
    public void FromEvents_refuses_a_conversion_Convert_would_refuse(string _, LeadEvent[] events, string expectedStart)
    {
        var ex = Assert.Throws<ArgumentException>(() => Lead.FromEvents(events));

        Assert.Equal("events", ex.ParamName);
        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEvents_a_conversion_at_the_latest_instant_is_accepted()
    {
        var lead = Lead.FromEvents([
            new LeadCreated(Id, Created, "alice", "Globex", LeadSource.Web, "alice"),
            new LeadTouched(Id, H(2), "alice"),
            new LeadConverted(Id, H(2), "manager", new DealId("D-1")),
        ]);

        Assert.Equal(LeadStatus.Converted, lead.Status);
        Assert.Equal(new DealId("D-1"), lead.DealId);
        Assert.Equal(H(2), lead.ClosedAt);
        Assert.Equal("manager", lead.History[^1].By);
    }

    // Any sequence of accepted changes leaves a history that rebuilds an equal lead, and history is never lost:
    // it holds exactly one event per accepted change.
    [Fact]
    public void Property_any_accepted_changes_rebuild_an_equal_lead_with_one_event_each()
    {
        var step = Gen.Choose(0, 4).Zip(Gen.Choose(0, 48));
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.ListOf(step).ToArbitrary(),
                steps =>
                {
                    var lead = NewLead();
                    var accepted = 1;
                    var at = Created;
                    foreach (var (kind, hours) in steps)
                    {
                        at = at.Plus(Duration.FromHours(hours - 8)); // sometimes earlier: refused, nothing changes
                        try
                        {
                            lead = kind switch
                            {
                                0 => lead.Touch(at),
                                1 => lead.Reassign(hours % 2 == 0 ? "bob" : "carol", at),
                                2 => lead.Disqualify("no budget", at),
                                3 => lead.Convert(
                                    PipelineDefinition.Default,
                                    new DealId("D-1"),
                                    Money.Of(1m, Currency.USD),
                                    new LocalDate(2026, 6, 1),
                                    at
                                ).Lead,
                                _ => lead.Touch(at, by: "sdr"),
                            };
                            accepted++;
                        }
                        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException) { }
                    }
                    return lead.History.Count == accepted && Lead.FromEvents(lead.History).Equals(lead);
                }
            )
        );
    }
}
