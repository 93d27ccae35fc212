using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Organization;

// Initech, three levels:
// Sales (lead olav): olav
// +- EMEA (lead maria): maria, erin
// |  +- EMEA North (lead nils): nils, bob
// +- APAC (lead chen): chen, kim
// ada: admin at company level (also "finance"); "deal-desk": maria, olav.
public sealed class SalesOrgRolesAndAssignmentTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    private static Instant H(int hours) => T0.Plus(Duration.FromHours(hours));

    private static readonly SalesOrg Initech = SalesOrg
        .CreateBuilder("Initech")
        .Team("sales", "Sales", lead: "olav")
        .Team("emea", "EMEA", parent: "sales", lead: "maria")
        .Team("emea-north", "EMEA North", parent: "emea", lead: "nils")
        .Team("apac", "APAC", parent: "sales", lead: "chen")
        .Rep("olav", "Olav", "sales")
        .Rep("maria", "Maria", "emea")
        .Rep("erin", "Erin", "emea")
        .Rep("nils", "Nils", "emea-north")
        .Rep("bob", "Bob", "emea-north")
        .Rep("chen", "Chen", "apac")
        .Rep("kim", "Kim", "apac")
        .Admin("ada", "Ada")
        .Role("finance", "ada")
        .Role("deal-desk", "maria", "olav")
        .Role("deal-desk", "maria")
        .Build();

    private static readonly string[] Everyone = ["olav", "maria", "erin", "nils", "bob", "chen", "kim", "ada"];

    private static Deal BobsDeal() =>
        Deal.Open(Pipeline, new DealId("D-1"), "Globex: 40 seats", "bob", Money.Of(48_000m, Currency.EUR), new LocalDate(2026, 6, 30), T0);

    private static Deal InPool(string? team) =>
        Deal.OpenInPool(
            Pipeline,
            new DealId("D-2"),
            "Inbound",
            team,
            Money.Of(12_000m, Currency.EUR),
            new LocalDate(2026, 6, 30),
            T0,
            "ada"
        );

    [Fact]
    public void Roles_ListHoldersOncePerRole_InTheOrderGiven()
    {
        Assert.Equal(["deal-desk", "finance"], Initech.Roles);
        Assert.Equal(["maria", "olav"], Initech.PeopleInRole("deal-desk").Select(p => p.Id));
        Assert.Equal(["ada"], Initech.PeopleInRole("finance").Select(p => p.Id));
        Assert.Empty(Initech.PeopleInRole("Finance")); // ordinal
        Assert.Equal("role", Assert.Throws<ArgumentException>(() => Initech.PeopleInRole(" ")).ParamName);
    }

    [Fact]
    public void Build_ReportsEveryRoleProblem()
    {
        var ex = Assert.Throws<SalesOrgDefinitionException>(() =>
            SalesOrg.CreateBuilder("Broken").Rep("x", "X", "t").Team("t", "T").Role(" ", "x").Role("legal").Role("audit", "ghost").Build()
        );

        Assert.Equal(
            [
                "A role's name must not be empty.",
                "Role \"legal\" is given to nobody; name at least one person.",
                "Role \"audit\" is given to \"ghost\", who is not declared with Rep(...) or Admin(...).",
            ],
            ex.Problems
        );
    }

    [Theory]
    [InlineData("bob", "nils")]
    [InlineData("nils", "maria")] // leads their own team: the manager is the parent team's lead
    [InlineData("erin", "maria")]
    [InlineData("maria", "olav")]
    [InlineData("kim", "chen")]
    [InlineData("chen", "olav")]
    [InlineData("olav", null)] // leads the top team
    [InlineData("ada", null)] // admin without a team
    public void ManagerOf_IsTheNearestLeadAboveThePerson(string person, string? manager) =>
        Assert.Equal(manager, Initech.ManagerOf(person));

    [Fact]
    public void ManagersAbove_IsTheChainNearestFirst()
    {
        Assert.Equal(["nils", "maria", "olav"], Initech.ManagersAbove("bob"));
        Assert.Equal(["maria", "olav"], Initech.ManagersAbove("nils"));
        Assert.Empty(Initech.ManagersAbove("olav"));
        Assert.Empty(Initech.ManagersAbove("ada"));
        Assert.Equal("personId", Assert.Throws<ArgumentException>(() => Initech.ManagersAbove("ghost")).ParamName);
    }

    [Fact]
    public void ManagerOf_SkipsATeamWithoutALead()
    {
        var org = SalesOrg
            .CreateBuilder("Co")
            .Team("top", "Top", lead: "tia")
            .Team("mid", "Mid", "top")
            .Rep("tia", "Tia", "top")
            .Rep("rex", "Rex", "mid")
            .Build();

        Assert.Equal("tia", org.ManagerOf("rex"));
    }

    [Fact]
    public void Visibility_ATeamPool_IsSeenByItsLeadAndThoseAbove_TheCompanyPoolByAdminsOnly()
    {
        var emeaPool = InPool("emea");
        var companyPool = InPool(null);
        var strangerPool = InPool("not-a-team");

        Assert.Equal(["olav", "maria", "ada"], Everyone.Where(v => Initech.VisibleTo(v, [emeaPool]).Any()));
        Assert.Equal(["olav", "maria", "nils", "ada"], Everyone.Where(v => Initech.ScopeOf(v).CanSee(InPool("emea-north"))));
        Assert.Equal(["ada"], Everyone.Where(v => Initech.VisibleTo(v, [companyPool]).Any()));
        Assert.Equal(["ada"], Everyone.Where(v => Initech.VisibleTo(v, [strangerPool]).Any()));
        Assert.Equal(["emea", "emea-north"], Initech.ScopeOf("maria").PoolTeams.Order(StringComparer.Ordinal));
        Assert.Empty(Initech.ScopeOf("bob").PoolTeams);
    }

    [Fact]
    public void Visibility_OnceARepIsAssigned_FollowsTheOwner()
    {
        var deal = Initech.AssignToRep(Pipeline, InPool("emea"), "bob", H(1), "maria");

        Assert.Equal(["olav", "maria", "nils", "bob", "ada"], Everyone.Where(v => Initech.ScopeOf(v).CanSee(deal)));
    }

    [Fact]
    public void AssignToPool_ByALead_IntoTheirTeamsOrBelow_IsPermitted()
    {
        var pooled = Initech.AssignToPool(Pipeline, BobsDeal(), "emea", H(1), "olav");

        Assert.True(pooled.IsInPool);
        Assert.Equal("emea", pooled.Team);
        Assert.Equal(new DealAssignedToPool(pooled.Id, H(1), "olav", "emea"), pooled.Events[^1]);
        Assert.True(Initech.CanAssignToPool("maria", BobsDeal(), "emea-north"));
    }

    [Theory]
    [InlineData("chen", "apac", "chen cannot see deal D-1 (owned by bob), so cannot assign it.")]
    [InlineData(
        "maria",
        "apac",
        "maria may fill only the pools of the teams they lead and the teams below them, not team \"apac\"'s pool."
    )]
    [InlineData("maria", null, "Only an admin may put deal D-1 in the company pool; maria is not one.")]
    [InlineData("bob", "emea", "bob may only hand their own records back to their own team's pool, not deal D-1 to team \"emea\"'s pool.")]
    [InlineData("nils", "emea", "nils may fill only the pools of the teams they lead and the teams below them, not team \"emea\"'s pool.")]
    public void AssignToPool_NotPermitted_IsRefusedWithTheReason_AndChangesNothing(string actor, string? team, string message)
    {
        var deal = BobsDeal();

        var result = Initech.TryAssignToPool(Pipeline, deal, team, H(1), actor);

        Assert.Same(deal, result.Deal);
        Assert.Null(result.Event);
        Assert.Equal([new Rejection(RejectionCode.NotPermittedByOrganization, message)], result.Rejections);
        Assert.False(Initech.CanAssignToPool(actor, deal, team));
        Assert.Throws<InvalidTransitionException>(() => Initech.AssignToPool(Pipeline, deal, team, H(1), actor));
    }

    [Fact]
    public void AssignToPool_ARepHandsTheirOwnDealBack_AndAnAdminUsesTheCompanyPool()
    {
        var handedBack = Initech.AssignToPool(Pipeline, BobsDeal(), "emea-north", H(1), "bob");
        Assert.Equal("emea-north", handedBack.Team);

        var company = Initech.AssignToPool(Pipeline, handedBack, null, H(2), "ada");
        Assert.Null(company.Team);
        Assert.True(company.IsInPool);
    }

    [Fact]
    public void AssignToRep_FromAPoolTheLeadSees_ToTheirPeople()
    {
        var deal = Initech.AssignToRep(Pipeline, InPool("emea"), "erin", H(1), "maria");

        Assert.Equal("erin", deal.Owner);
        Assert.Null(deal.InPoolSince);
        Assert.True(Initech.CanAssignToRep("maria", InPool("emea"), "maria")); // a lead may take it themselves
        Assert.True(Initech.CanAssignToRep("ada", InPool(null), "kim"));
    }

    [Theory]
    [InlineData("nils", "bob", "nils cannot see deal D-2 (in team \"emea\"'s pool), so cannot assign it.")]
    [InlineData("maria", "kim", "maria may give records only to themselves and the people in the teams they lead; kim is not one of them.")]
    [InlineData("bob", "bob", "bob cannot see deal D-2 (in team \"emea\"'s pool), so cannot assign it.")]
    public void AssignToRep_NotPermitted_IsRefused(string actor, string rep, string message)
    {
        var deal = InPool("emea");

        var result = Initech.TryAssignToRep(Pipeline, deal, rep, H(1), actor);

        Assert.Same(deal, result.Deal);
        Assert.Equal([new Rejection(RejectionCode.NotPermittedByOrganization, message)], result.Rejections);
    }

    [Fact]
    public void ARefusalByBothTheOrganisationAndThePipeline_ListsEveryReason()
    {
        var kims = Initech.AssignToRep(Pipeline, InPool("apac"), "kim", H(1), "chen");
        var lost = Pipeline.Apply(kims, DealCommand.Lose(LossReason.Timing, H(2), "kim")).GetDealOrThrow();

        var result = Initech.TryAssignToPool(Pipeline, lost, "emea", H(3), "maria");

        Assert.Equal([RejectionCode.NotPermittedByOrganization, RejectionCode.DealClosed], result.Rejections.Select(r => r.Code));
    }

    [Fact]
    public void UnknownPeopleAndTeams_AreArgumentErrorsNamingTheParameter()
    {
        Assert.Equal(
            "by",
            Assert.Throws<ArgumentException>(() => Initech.TryAssignToPool(Pipeline, BobsDeal(), "emea", H(1), "ghost")).ParamName
        );
        Assert.Equal(
            "teamId",
            Assert.Throws<ArgumentException>(() => Initech.TryAssignToPool(Pipeline, BobsDeal(), "mars", H(1), "ada")).ParamName
        );
        Assert.Equal(
            "repId",
            Assert.Throws<ArgumentException>(() => Initech.TryAssignToRep(Pipeline, BobsDeal(), "ghost", H(1), "ada")).ParamName
        );
        Assert.Equal("actorId", Assert.Throws<ArgumentException>(() => Initech.CanAssignToRep("ghost", BobsDeal(), "bob")).ParamName);
    }

    [Fact]
    public void Leads_FollowTheSameRules_AndARefusalThrowsWithoutChangingTheLead()
    {
        var lead = Lead.CreateInPool(new LeadId("L-1"), "Hooli", LeadSource.Web, "emea", T0, "web-form");

        var erins = Initech.AssignToRep(lead, "erin", H(1), "maria");
        Assert.Equal("erin", erins.Owner);

        var ex = Assert.Throws<InvalidOperationException>(() => Initech.AssignToRep(lead, "bob", H(1), "nils"));
        Assert.Equal("nils cannot see lead L-1 (in team \"emea\"'s pool), so cannot assign it.", ex.Message);
        Assert.Single(lead.History);

        var back = Initech.AssignToPool(erins, "emea", H(2), "erin");
        Assert.Equal("emea", back.Team);
        Assert.Throws<InvalidOperationException>(() => Initech.AssignToPool(erins, "apac", H(2), "erin"));
        Assert.True(Initech.CanAssignToPool("olav", back, "apac"));
        Assert.False(Initech.CanAssignToRep("erin", back, "erin"));
    }

    [Fact]
    public void Comments_AreSeenExactlyWithTheirDeal()
    {
        var deal = Pipeline.Comment(InPool("emea"), "Large logo; give it to someone senior.", H(1), "olav");

        var seeing = Everyone.Where(v => Initech.VisibleTo(v, [deal]).SelectMany(d => d.Comments).Any());

        Assert.Equal(["olav", "maria", "ada"], seeing);
    }
}
