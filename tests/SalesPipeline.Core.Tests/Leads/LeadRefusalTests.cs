using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Leads;

// The refusals of Touch, Reassign, Disqualify and Convert: which exception, which parameter and which sentence, and that
// a refused change leaves the lead as it was. The messages are written out in full because a user reads them.
public sealed class LeadRefusalTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly LeadId Id = new("L-1");
    private static readonly Money Amount = Money.Of(25_000m, Currency.EUR);
    private static readonly LocalDate CloseBy = new(2026, 6, 30);

    private static Instant H(int hours) => Created.Plus(Duration.FromHours(hours));

    private static Lead NewLead() => Lead.Create(Id, "Globex Corp (Jane Roe)", LeadSource.Referral, "alice", Created);

    private static Lead Disqualified() => NewLead().Disqualify("no budget", H(1));

    private static Lead Converted() => NewLead().Convert(PipelineDefinition.Default, new DealId("D-1"), Amount, CloseBy, H(1)).Lead;

    private const string Final = "converted and disqualified leads are final.";

    [Fact]
    public void Touching_a_closed_lead_is_refused_saying_it_cannot_be_touched()
    {
        var disqualified = Disqualified();
        var converted = Converted();

        var fromDisqualified = Assert.Throws<InvalidOperationException>(() => disqualified.Touch(H(2)));
        var fromConverted = Assert.Throws<InvalidOperationException>(() => converted.Touch(H(2)));

        Assert.Equal($"Lead L-1 is disqualified, so it cannot be touched; {Final}", fromDisqualified.Message);
        Assert.Equal($"Lead L-1 is converted, so it cannot be touched; {Final}", fromConverted.Message);
        Assert.Equal(2, disqualified.History.Count);
        Assert.Equal(H(1), disqualified.LastTouchAt);
    }

    [Fact]
    public void Disqualifying_a_closed_lead_is_refused_saying_it_cannot_be_disqualified()
    {
        var converted = Converted();

        var ex = Assert.Throws<InvalidOperationException>(() => converted.Disqualify("too late", H(2)));

        Assert.Equal($"Lead L-1 is converted, so it cannot be disqualified; {Final}", ex.Message);
        Assert.Equal(LeadStatus.Converted, converted.Status);
        Assert.Null(converted.DisqualificationReason);
    }

    [Fact]
    public void Converting_a_closed_lead_is_refused_saying_it_cannot_be_converted()
    {
        var disqualified = Disqualified();

        var ex = Assert.Throws<InvalidOperationException>(() =>
            disqualified.Convert(PipelineDefinition.Default, new DealId("D-2"), Amount, CloseBy, H(2))
        );

        Assert.Equal($"Lead L-1 is disqualified, so it cannot be converted; {Final}", ex.Message);
        Assert.Null(disqualified.DealId);
    }

    // Reassigning is allowed on a closed lead, but not back in time: the history stays in time order.
    [Fact]
    public void Reassigning_before_the_latest_event_is_refused_naming_at()
    {
        var lead = NewLead().Touch(H(3));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => lead.Reassign("bob", H(2)));

        Assert.Equal("at", ex.ParamName);
        Assert.Equal(H(2), ex.ActualValue);
        Assert.StartsWith(
            "Lead L-1 cannot change at 2026-03-02T11:00:00Z: that is before its latest event, at 2026-03-02T12:00:00Z.",
            ex.Message,
            StringComparison.Ordinal
        );
        Assert.Equal("alice", lead.Owner);
        Assert.Equal(2, lead.History.Count);
    }

    [Fact]
    public void Reassigning_at_the_latest_event_instant_is_allowed()
    {
        var lead = NewLead().Touch(H(3)).Reassign("bob", H(3));

        Assert.Equal("bob", lead.Owner);
        Assert.Equal(new LeadReassigned(Id, H(3), "bob", "bob"), lead.History[^1]);
    }

    [Fact]
    public void Disqualifying_before_the_latest_event_is_refused_naming_at()
    {
        var lead = NewLead().Touch(H(3));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => lead.Disqualify("no budget", H(2)));

        Assert.Equal("at", ex.ParamName);
        Assert.Equal(H(2), ex.ActualValue);
        Assert.Equal(LeadStatus.Working, lead.Status);
        Assert.Null(lead.ClosedAt);
    }

    [Fact]
    public void Disqualify_records_the_given_actor_and_defaults_to_the_owner()
    {
        var byCarol = NewLead().Disqualify("student", H(1), by: "carol");
        var byDefault = NewLead().Reassign("bob", H(1), by: "manager").Disqualify("student", H(2));

        Assert.Equal(new LeadDisqualified(Id, H(1), "carol", "student"), byCarol.History[^1]);
        // Reassigned to bob before, so the owner, and so the default actor, is bob (not alice, nor the manager).
        Assert.Equal(new LeadDisqualified(Id, H(2), "bob", "student"), byDefault.History[^1]);
    }

    [Fact]
    public void Convert_records_the_given_actor_and_defaults_to_the_owner()
    {
        var byManager = NewLead().Convert(PipelineDefinition.Default, new DealId("D-1"), Amount, CloseBy, H(1), by: "manager").Lead;
        var byDefault = NewLead()
            .Reassign("bob", H(1), by: "manager")
            .Convert(PipelineDefinition.Default, new DealId("D-2"), Amount, CloseBy, H(2))
            .Lead;

        Assert.Equal(new LeadConverted(Id, H(1), "manager", new DealId("D-1")), byManager.History[^1]);
        Assert.Equal(new LeadConverted(Id, H(2), "bob", new DealId("D-2")), byDefault.History[^1]);
    }

    [Fact]
    public void Convert_default_deal_id_is_refused_with_the_rule_and_how_to_make_one()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewLead().Convert(PipelineDefinition.Default, default, Amount, CloseBy, H(1)));

        Assert.Equal("dealId", ex.ParamName);
        Assert.Equal("The deal id must not be default(DealId); create it with new DealId(\"...\"). (Parameter 'dealId')", ex.Message);
    }

    // The argument checks come before the state check: a closed lead given a null pipeline or a blank actor is told
    // about the argument, by its name, not that it is closed.
    [Fact]
    public void Convert_checks_its_arguments_before_the_lead_state()
    {
        var converted = Converted();

        var noPipeline = Assert.Throws<ArgumentNullException>(() => converted.Convert(null!, new DealId("D-2"), Amount, CloseBy, H(2)));
        var blankBy = Assert.Throws<ArgumentException>(() =>
            converted.Convert(PipelineDefinition.Default, new DealId("D-2"), Amount, CloseBy, H(2), by: " ")
        );

        Assert.Equal("pipeline", noPipeline.ParamName);
        Assert.Equal("by", blankBy.ParamName);
        Assert.Equal("Value must not be empty or whitespace; it was \" \". (Parameter 'by')", blankBy.Message);
        Assert.Equal(new DealId("D-1"), converted.DealId);
    }
}
