using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Organization;

public sealed partial class SalesOrgTests
{
    // Acme
    // +- EMEA (lead erin): erin, eve
    // |  +- DACH (lead dan): dan, dora, dirk
    // |  +- UK (no lead): uma
    // +- AMER (lead amy): amy, al
    // carol: admin at company level
    private static readonly SalesOrg Acme = SalesOrg
        .CreateBuilder("Acme")
        .Team("emea", "EMEA", lead: "erin")
        .Team("dach", "DACH", parent: "emea", lead: "dan")
        .Team("uk", "UK", parent: "emea")
        .Team("amer", "AMER", lead: "amy")
        .Rep("erin", "Erin", "emea")
        .Rep("eve", "Eve", "emea")
        .Rep("dan", "Dan", "dach")
        .Rep("dora", "Dora", "dach")
        .Rep("dirk", "Dirk", "dach")
        .Rep("uma", "Uma", "uk")
        .Rep("amy", "Amy", "amer")
        .Rep("al", "Al", "amer")
        .Admin("carol", "Carol")
        .Build();

    private static readonly string[] Owners = ["erin", "eve", "dan", "dora", "dirk", "uma", "amy", "al", "carol", "ghost"];

    private static Deal DealOwnedBy(string owner, int n) =>
        Deal.Open(
            PipelineDefinition.Default,
            new DealId($"D-{n}"),
            $"Deal {n}",
            owner,
            Money.Of(1000m, Currency.USD),
            new LocalDate(2026, 6, 30),
            Instant.FromUtc(2026, 1, 1, 0, 0)
        );

    private static Lead LeadOwnedBy(string owner, int n) =>
        Lead.Create(new LeadId($"L-{n}"), $"Lead {n}", LeadSource.Web, owner, Instant.FromUtc(2026, 1, 1, 0, 0));

    [Fact]
    public void Build_ValidOrg_KeepsTeamsAndPeopleInDeclaredOrder()
    {
        Assert.Equal("Acme", Acme.Company);
        Assert.Equal(["emea", "dach", "uk", "amer"], Acme.Teams.Select(t => t.Id));
        Assert.Equal(["erin", "eve", "dan", "dora", "dirk", "uma", "amy", "al", "carol"], Acme.People.Select(p => p.Id));
        Assert.Equal(new Team("dach", "DACH", "emea", "dan"), Acme.GetTeam("dach"));
        Assert.Equal(new SalesPerson("carol", "Carol", null, true), Acme.GetPerson("carol"));
        Assert.Equal(new SalesPerson("dora", "Dora", "dach", false), Acme.GetPerson("dora"));
        Assert.Equal("Acme: 4 teams, 9 people", Acme.ToString());
    }

    [Fact]
    public void ScopeOf_Rep_SeesOnlyOwnRecords()
    {
        var scope = Acme.ScopeOf("dora");

        Assert.Equal(VisibilityKind.Own, scope.Kind);
        Assert.Equal("dora", scope.ViewerId);
        Assert.Equal(["dora"], scope.Owners.Order(StringComparer.Ordinal));
        Assert.True(scope.Includes("dora"));
        Assert.False(scope.Includes("dirk"));
        Assert.False(scope.Includes("dan"));
        Assert.False(scope.Includes(null));
        Assert.Equal("dora: Own (1 owner)", scope.ToString());
    }

    [Fact]
    public void ScopeOf_LeafTeamLead_SeesTeamAndSelf()
    {
        var scope = Acme.ScopeOf("dan");

        Assert.Equal(VisibilityKind.Teams, scope.Kind);
        Assert.Equal(["dan", "dirk", "dora"], scope.Owners.Order(StringComparer.Ordinal));
        Assert.False(scope.Includes("erin"));
        Assert.False(scope.Includes("uma"));
        Assert.Equal("dan: Teams (3 owners)", scope.ToString());
    }

    [Fact]
    public void ScopeOf_ParentTeamLead_SeesWholeSubtreeIncludingNestedTeams()
    {
        var scope = Acme.ScopeOf("erin");

        Assert.Equal(VisibilityKind.Teams, scope.Kind);
        Assert.Equal(["dan", "dirk", "dora", "erin", "eve", "uma"], scope.Owners.Order(StringComparer.Ordinal));
        Assert.False(scope.Includes("amy"));
        Assert.False(scope.Includes("al"));
        Assert.False(scope.Includes("carol"));
        Assert.False(scope.Includes("ghost"));
    }

    [Fact]
    public void ScopeOf_Admin_SeesEveryoneIncludingOwnersOutsideTheOrg()
    {
        var scope = Acme.ScopeOf("carol");

        Assert.Equal(VisibilityKind.All, scope.Kind);
        Assert.Equal(Acme.People.Select(p => p.Id).Order(StringComparer.Ordinal), scope.Owners.Order(StringComparer.Ordinal));
        Assert.True(scope.Includes("ghost"));
        Assert.True(scope.Includes("al"));
        Assert.Equal("carol: All", scope.ToString());
    }

    [Fact]
    public void ScopeOf_UnknownOrNullViewer_ThrowsNamingViewer()
    {
        var ex = Assert.Throws<ArgumentException>(() => Acme.ScopeOf("mallory"));

        Assert.Equal("viewerId", ex.ParamName);
        Assert.Contains("\"mallory\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal("viewerId", Assert.Throws<ArgumentNullException>(() => Acme.ScopeOf(null!)).ParamName);
    }

    [Theory]
    [InlineData("dora", new[] { "dora" })]
    [InlineData("dan", new[] { "dan", "dora", "dirk" })]
    [InlineData("erin", new[] { "erin", "eve", "dan", "dora", "dirk", "uma" })]
    [InlineData("amy", new[] { "amy", "al" })]
    [InlineData("carol", new[] { "erin", "eve", "dan", "dora", "dirk", "uma", "amy", "al", "carol", "ghost" })]
    public void VisibleTo_Deals_KeepsVisibleDealsInOriginalOrder(string viewer, string[] expectedOwners)
    {
        var deals = Owners.Select(DealOwnedBy).ToArray();

        var visible = Acme.VisibleTo(viewer, deals).ToArray();

        Assert.Equal(expectedOwners, visible.Select(d => d.Owner));
        Assert.All(visible, d => Assert.Contains(d, deals));
    }

    [Theory]
    [InlineData("dan", new[] { "dan", "dora", "dirk" })]
    [InlineData("carol", new[] { "erin", "eve", "dan", "dora", "dirk", "uma", "amy", "al", "carol", "ghost" })]
    public void VisibleTo_Leads_KeepsVisibleLeadsInOriginalOrder(string viewer, string[] expectedOwners)
    {
        var leads = Owners.Select(LeadOwnedBy).ToArray();

        var visible = Acme.VisibleTo(viewer, leads);

        Assert.Equal(expectedOwners, visible.Select(l => l.Owner));
    }

    [Fact]
    public void VisibleTo_UnknownViewer_ThrowsBeforeEnumeration()
    {
        var ex = Assert.Throws<ArgumentException>(() => Acme.VisibleTo("mallory", Array.Empty<Deal>()));
        Assert.Equal("viewerId", ex.ParamName);

        var leadEx = Assert.Throws<ArgumentException>(() => Acme.VisibleTo("mallory", Array.Empty<Lead>()));
        Assert.Equal("viewerId", leadEx.ParamName);
    }

    [Fact]
    public void VisibleTo_NullRecords_ThrowsArgumentNullException()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => Acme.VisibleTo("dan", (IEnumerable<Deal>)null!)).ParamName);
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => Acme.VisibleTo("dan", (IEnumerable<Lead>)null!)).ParamName);
    }

    [Fact]
    public void VisibleTo_NullRecord_IsReportedByItsPositionWhenEnumerated()
    {
        Deal[] deals = [DealOwnedBy("dan", 0), null!];
        Lead[] leads = [LeadOwnedBy("dan", 0), null!];

        var visibleDeals = Acme.VisibleTo("dan", deals);
        var visibleLeads = Acme.VisibleTo("dan", leads);

        var dealEx = Assert.Throws<ArgumentNullException>(() => visibleDeals.ToArray());
        var leadEx = Assert.Throws<ArgumentNullException>(() => visibleLeads.ToArray());
        Assert.Equal("Deal 1 is null. (Parameter 'deals')", dealEx.Message);
        Assert.Equal("Lead 1 is null. (Parameter 'leads')", leadEx.Message);
    }

    [Fact]
    public void GetPerson_Null_ThrowsNamingPersonId()
    {
        Assert.Equal("personId", Assert.Throws<ArgumentNullException>(() => Acme.GetPerson(null!)).ParamName);
        Assert.Equal("personId", Assert.Throws<ArgumentNullException>(() => Acme.PathOf(null!)).ParamName);
        Assert.Equal("teamId", Assert.Throws<ArgumentNullException>(() => Acme.GetTeam(null!)).ParamName);
    }

    [Theory]
    [InlineData("dora", new[] { "dach", "emea" })]
    [InlineData("uma", new[] { "uk", "emea" })]
    [InlineData("carol", new string[0])]
    public void PathOf_Person_ListsTeamsFromNearestToTop(string person, string[] expected)
    {
        Assert.Equal(expected, Acme.PathOf(person).Select(t => t.Id));
    }

    [Theory]
    [InlineData(null, new[] { "emea", "amer" })]
    [InlineData("emea", new[] { "dach", "uk" })]
    [InlineData("dach", new string[0])]
    public void ChildTeams_Team_ListsDirectChildrenInDeclaredOrder(string? team, string[] expected)
    {
        Assert.Equal(expected, Acme.ChildTeams(team).Select(t => t.Id));
    }

    [Theory]
    [InlineData("emea", true, new[] { "erin", "eve", "dan", "dora", "dirk", "uma" })]
    [InlineData("emea", false, new[] { "erin", "eve" })]
    [InlineData("dach", true, new[] { "dan", "dora", "dirk" })]
    [InlineData("dach", false, new[] { "dan", "dora", "dirk" })]
    public void MembersOf_Team_ListsPeopleInDeclaredOrder(string team, bool includeSubteams, string[] expected)
    {
        Assert.Equal(expected, Acme.MembersOf(team, includeSubteams).Select(p => p.Id));
    }

    [Fact]
    public void Lookups_UnknownIds_ThrowArgumentExceptionNamingTheId()
    {
        var cases = new (Action Call, string Param)[]
        {
            (() => Acme.GetTeam("apac"), "teamId"),
            (() => Acme.ChildTeams("apac"), "teamId"),
            (() => Acme.MembersOf("apac"), "teamId"),
            (() => Acme.GetPerson("mallory"), "personId"),
            (() => Acme.PathOf("mallory"), "personId"),
        };

        Assert.All(
            cases,
            c =>
            {
                var ex = Assert.Throws<ArgumentException>(c.Call);
                Assert.Equal(c.Param, ex.ParamName);
                Assert.Contains(c.Param == "teamId" ? "\"apac\"" : "\"mallory\"", ex.Message, StringComparison.Ordinal);
            }
        );
        Assert.Equal("teamId", Assert.Throws<ArgumentNullException>(() => Acme.MembersOf(null!)).ParamName);
    }

    [Fact]
    public void ScopeOf_AdminWhoAlsoLeadsATeam_StillSeesAll()
    {
        var org = SalesOrg.CreateBuilder("Co").Team("t", "T", lead: "boss").Rep("r", "R", "t").Admin("boss", "Boss", team: "t").Build();

        var scope = org.ScopeOf("boss");

        Assert.Equal(VisibilityKind.All, scope.Kind);
        Assert.True(scope.Includes("outsider"));
        Assert.Equal(["t"], org.PathOf("boss").Select(t => t.Id));
    }

    [Fact]
    public void ScopeOf_LeadOfTeamOutsideOwnTeam_SeesLedSubtreeAndSelf()
    {
        // Lea belongs to "ops" but leads "field"; she sees field's people and herself, not the rest of ops.
        var org = SalesOrg
            .CreateBuilder("Co")
            .Team("ops", "Ops")
            .Team("field", "Field", lead: "lea")
            .Rep("lea", "Lea", "ops")
            .Rep("otto", "Otto", "ops")
            .Rep("fay", "Fay", "field")
            .Build();

        Assert.Equal(["fay", "lea"], org.ScopeOf("lea").Owners.Order(StringComparer.Ordinal));
    }

    // A fresh org, so that a failing attempt cannot corrupt the shared one for other tests.
    [Fact]
    public void TeamsAndPeople_CastToMutableList_CannotChangeTheOrg()
    {
        var org = SalesOrg.CreateBuilder("Co").Team("a", "A").Team("b", "B").Rep("x", "X", "a").Rep("y", "Y", "b").Build();

        if (org.Teams is IList<Team> teams)
        {
            Assert.Throws<NotSupportedException>(() => teams[0] = teams[1]);
        }
        if (org.People is IList<SalesPerson> people)
        {
            Assert.Throws<NotSupportedException>(() => people[0] = people[1]);
        }

        Assert.Equal(["a", "b"], org.Teams.Select(t => t.Id));
        Assert.Equal(["x", "y"], org.People.Select(p => p.Id));
    }
}
