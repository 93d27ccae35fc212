using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Leads;

// Leads waiting in pools: created there, handed to a rep, pooled again. Instants are Created (2026-03-02T09:00Z) plus hours.
public sealed class LeadPoolTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static Instant H(int hours) => Created.Plus(Duration.FromHours(hours));

    private static Lead Pooled() => Lead.CreateInPool(new LeadId("L-7"), "Initech (Bill L.)", LeadSource.Web, "emea", Created, "web-form");

    [Fact]
    public void CreateInPool_HasNoOwner_WaitsInTheTeamsPool()
    {
        var lead = Pooled();

        Assert.Null(lead.Owner);
        Assert.True(lead.IsInPool);
        Assert.Equal("emea", lead.Team);
        Assert.Equal(Created, lead.InPoolSince);
        Assert.Equal(
            new LeadCreated(lead.Id, Created, "web-form", "Initech (Bill L.)", LeadSource.Web, null, null, "emea"),
            lead.History[0]
        );
        Assert.Equal("L-7 Initech (Bill L.) | web | (unassigned) | New", lead.ToString());
    }

    [Fact]
    public void Reassign_FromThePool_GivesAnOwner_AndKeepsTheTeam()
    {
        var lead = Pooled().Reassign("bob", H(1), "maria");

        Assert.Equal("bob", lead.Owner);
        Assert.False(lead.IsInPool);
        Assert.Null(lead.InPoolSince);
        Assert.Equal("emea", lead.Team);
        Assert.Equal(new LeadReassigned(lead.Id, H(1), "maria", "bob"), lead.History[^1]);
    }

    [Fact]
    public void AssignToPool_FromARep_ToTheCompanyPool_RestartsTheClock_AndRefusesTheSamePool()
    {
        var lead = Pooled().Reassign("bob", H(1), "maria").AssignToPool(null, H(2), "admin");

        Assert.Null(lead.Owner);
        Assert.Null(lead.Team);
        Assert.Equal(H(2), lead.InPoolSince);
        Assert.Equal(new LeadAssignedToPool(lead.Id, H(2), "admin", null), lead.History[^1]);
        var ex = Assert.Throws<ArgumentException>(() => lead.AssignToPool(null, H(3), "admin"));
        Assert.Equal("teamId", ex.ParamName);
        Assert.Equal(lead, Lead.FromEvents(lead.History));
    }

    [Fact]
    public void Convert_WhilePooled_IsRefused_AndWorksOnceARepOwnsIt()
    {
        var pooled = Pooled();

        var ex = Assert.Throws<InvalidOperationException>(() =>
            pooled.Convert(
                PipelineDefinition.Default,
                new DealId("D-7"),
                Money.Of(9_000m, Currency.EUR),
                new LocalDate(2026, 6, 30),
                H(1),
                "maria"
            )
        );
        Assert.Contains("team \"emea\"'s pool", ex.Message, StringComparison.Ordinal);

        var (lead, deal) = pooled
            .Reassign("bob", H(1), "maria")
            .Convert(PipelineDefinition.Default, new DealId("D-7"), Money.Of(9_000m, Currency.EUR), new LocalDate(2026, 6, 30), H(2));
        Assert.Equal(LeadStatus.Converted, lead.Status);
        Assert.Equal("bob", deal.Owner);
        Assert.Equal("bob", deal.CreatedBy);
    }

    [Fact]
    public void ActingOnAPooledLead_NeedsANamedActor()
    {
        var pooled = Pooled();

        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => pooled.Touch(H(1))).ParamName);
        Assert.Equal("maria", pooled.Touch(H(1), "maria").History[^1].By);
        Assert.Equal(LeadStatus.Disqualified, pooled.Disqualify("student", H(1), "maria").Status);
    }

    [Fact]
    public void AssignToPool_OfAConvertedLead_IsRefused()
    {
        var (converted, _) = Pooled()
            .Reassign("bob", H(1), "maria")
            .Convert(PipelineDefinition.Default, new DealId("D-7"), Money.Of(9_000m, Currency.EUR), new LocalDate(2026, 6, 30), H(2));

        Assert.Throws<InvalidOperationException>(() => converted.AssignToPool("emea", H(3), "maria"));
    }

    [Fact]
    public void FromEvents_RoundTripsAPoolHistory_AndRefusesAConversionWhilePooled_OrATeamOnAnOwnedCreation()
    {
        var lead = Pooled().Reassign("bob", H(1), "maria").AssignToPool("apac", H(2), "olav").Reassign("chen", H(3), "olav");
        Assert.Equal(lead, Lead.FromEvents(lead.History));
        Assert.Equal("apac", Lead.FromEvents(lead.History).Team);

        var convertedInPool = Pooled().History.Append(new LeadConverted(new LeadId("L-7"), H(1), "maria", new DealId("D-7")));
        var ex = Assert.Throws<ArgumentException>(() => Lead.FromEvents(convertedInPool));
        Assert.Contains("Event 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("waits in team \"emea\"'s pool", ex.Message, StringComparison.Ordinal);

        var ownedWithTeam = new LeadCreated(new LeadId("L-8"), Created, "ops", "Hooli", LeadSource.Web, "bob", null, "emea");
        Assert.Throws<ArgumentException>(() => Lead.FromEvents([ownedWithTeam]));
    }
}
