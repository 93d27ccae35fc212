using NodaTime;
using SalesPipeline.Activities;

namespace SalesPipeline.Tests.Activities;

// Activity.ForDeal and ForLead: what they refuse, in which words, and the invariant text of an activity.
public sealed class ActivityTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 15, 0);

    [Fact]
    public void ForDeal_default_deal_id_is_refused_with_the_rule_and_how_to_make_one()
    {
        var ex = Assert.Throws<ArgumentException>(() => Activity.ForDeal(ActivityKind.Call, At, "alice", default));

        Assert.Equal("deal", ex.ParamName);
        Assert.Equal("The deal id must not be default(DealId); create it with new DealId(\"...\"). (Parameter 'deal')", ex.Message);
    }

    [Fact]
    public void ForLead_default_lead_id_is_refused_with_the_rule_and_how_to_make_one()
    {
        var ex = Assert.Throws<ArgumentException>(() => Activity.ForLead(ActivityKind.Call, At, "alice", default));

        Assert.Equal("lead", ex.ParamName);
        Assert.Equal("The lead id must not be default(LeadId); create it with new LeadId(\"...\"). (Parameter 'lead')", ex.Message);
    }

    [Fact]
    public void An_undefined_kind_is_refused_listing_the_kinds_and_giving_the_number()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Activity.ForDeal((ActivityKind)42, At, "alice", new DealId("D-1")));

        Assert.Equal("kind", ex.ParamName);
        Assert.Equal((ActivityKind)42, ex.ActualValue);
        Assert.StartsWith(
            "The activity kind must be Call, Email, Meeting, Demo or Other; it was 42. (Parameter 'kind')",
            ex.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_null_rep_is_refused_naming_rep()
    {
        Assert.Equal(
            "rep",
            Assert.Throws<ArgumentNullException>(() => Activity.ForLead(ActivityKind.Call, At, null!, new LeadId("L-1"))).ParamName
        );
    }

    [Fact]
    public void ForDeal_and_ForLead_keep_what_they_are_given_and_concern_one_record()
    {
        var demo = Activity.ForDeal(ActivityKind.Demo, At, "alice", new DealId("D-1"), ActivityOutcome.Completed);
        var email = Activity.ForLead(ActivityKind.Email, At, "bob", new LeadId("L-7"));

        Assert.Equal(
            (ActivityKind.Demo, At, "alice", new DealId("D-1"), (LeadId?)null),
            (demo.Kind, demo.At, demo.Rep, demo.Deal, demo.Lead)
        );
        Assert.Equal(ActivityOutcome.Completed, demo.Outcome);
        Assert.Equal((ActivityKind.Email, "bob", (DealId?)null, new LeadId("L-7")), (email.Kind, email.Rep, email.Deal, email.Lead));
        Assert.Null(email.Outcome);
    }

    // The text from the XML docs: instant, rep, kind, the deal's or lead's id, and the outcome in brackets when there is one.
    [Fact]
    public void ToString_shows_the_outcome_in_brackets_only_when_there_is_one()
    {
        Assert.Equal(
            "2026-03-02T15:00:00Z alice Demo D-1 (completed)",
            Activity.ForDeal(ActivityKind.Demo, At, "alice", new DealId("D-1"), ActivityOutcome.Completed).ToString()
        );
        Assert.Equal("2026-03-02T15:00:00Z alice Demo D-1", Activity.ForDeal(ActivityKind.Demo, At, "alice", new DealId("D-1")).ToString());
        Assert.Equal(
            "2026-03-02T15:00:00Z bob Call L-7 (no-answer)",
            Activity.ForLead(ActivityKind.Call, At, "bob", new LeadId("L-7"), ActivityOutcome.NoAnswer).ToString()
        );
        Assert.Equal("2026-03-02T15:00:00Z bob Email L-7", Activity.ForLead(ActivityKind.Email, At, "bob", new LeadId("L-7")).ToString());
    }
}
