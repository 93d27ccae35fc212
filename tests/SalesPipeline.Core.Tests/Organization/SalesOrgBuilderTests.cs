using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Organization;

public sealed class SalesOrgBuilderTests
{
    [Fact]
    public void Build_ManyProblems_ReportsEveryProblemAtOnce()
    {
        var builder = SalesOrg
            .CreateBuilder("Broken")
            .Team("a", "A")
            .Team("a", "A again")
            .Team("b", "B", parent: "nowhere")
            .Team("c", "C", parent: "d")
            .Team("d", "D", parent: "c")
            .Team("e", "E", lead: "ghost")
            .Rep("p", "P", "a")
            .Rep("p", "P twin", "a")
            .Rep("q", "Q", "zz");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);
        var problems = ex.Problems;

        Assert.Equal(6, problems.Count);
        Assert.Single(problems, p => p.Contains("Team id \"a\"", StringComparison.Ordinal) && p.Contains('2', StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("Person id \"p\"", StringComparison.Ordinal) && p.Contains('2', StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("\"b\"", StringComparison.Ordinal) && p.Contains("\"nowhere\"", StringComparison.Ordinal));
        Assert.Single(
            problems,
            p =>
                p.Contains("cycle", StringComparison.Ordinal)
                && p.Contains("\"c\"", StringComparison.Ordinal)
                && p.Contains("\"d\"", StringComparison.Ordinal)
        );
        Assert.Single(problems, p => p.Contains("\"e\"", StringComparison.Ordinal) && p.Contains("\"ghost\"", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("\"q\"", StringComparison.Ordinal) && p.Contains("\"zz\"", StringComparison.Ordinal));
        Assert.StartsWith("Sales organization \"Broken\" is invalid (6 problems):\n- ", ex.Message, StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Contains("\n- " + p, ex.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_RepWithoutTeam_IsAProblem_AdminWithoutTeamIsNot()
    {
        var builder = SalesOrg.CreateBuilder("Acme").Team("a", "A").Rep("r", "R", team: null!).Admin("boss", "Boss");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("\"r\"", problem, StringComparison.Ordinal);
        Assert.Contains("no team", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TeamIsItsOwnParent_ReportsACycle()
    {
        var builder = SalesOrg.CreateBuilder("Co").Team("x", "X", parent: "x");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("\"x\"", problem, StringComparison.Ordinal);
        Assert.Contains("cycle", problem, StringComparison.Ordinal);
    }

    // The cycle is written in the order of the walk up the parents, from the first team declared in it back to itself.
    [Fact]
    public void Build_TwoTeamCycle_NamesTheChainInParentOrder()
    {
        var builder = SalesOrg.CreateBuilder("Co").Team("a", "A", parent: "b").Team("b", "B", parent: "a");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        Assert.Equal(
            "Teams \"a\" -> \"b\" -> \"a\" form a cycle of parents; each team must be under the company through its parents.",
            Assert.Single(ex.Problems)
        );
    }

    [Fact]
    public void Build_ThreeTeamCycleWithATeamBelowIt_ReportsTheCycleOnceAndNotTheTeamBelow()
    {
        var builder = SalesOrg
            .CreateBuilder("Co")
            .Team("r", "R", parent: "t")
            .Team("s", "S", parent: "r")
            .Team("t", "T", parent: "s")
            .Team("below", "Below", parent: "r");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("\"r\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"s\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"t\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("below", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EmptyCompanyName_ReportsIt()
    {
        var ex = Assert.Throws<SalesOrgDefinitionException>(SalesOrg.CreateBuilder("  ").Team("a", "A").Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("company name", problem, StringComparison.Ordinal);
    }

    // Names made only of invisible characters display as nothing: a zero-width space (U+200B) or a soft hyphen (U+00AD)
    // is refused like a blank name, and the message shows the character so the reader can see why.
    [Fact]
    public void Build_InvisibleCompanyTeamOrPersonNames_AreRefusedLikeBlankOnes()
    {
        var builder = SalesOrg.CreateBuilder("\u200B").Team("a", "\u00AD").Rep("p", "\u200B\u200B", "a");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        Assert.Equal(
            [
                "The company name must not be empty.",
                "Team \"a\" (\"<U+00AD>\") needs a non-empty id and a name with a visible character.",
                "Person \"p\" (\"<U+200B><U+200B>\") needs a non-empty id and a name with a visible character.",
            ],
            ex.Problems
        );
    }

    [Fact]
    public void Build_BlankTeamOrPersonNames_ReportsEach()
    {
        var builder = SalesOrg.CreateBuilder("Co").Team("a", " ").Team(" ", "Nameless").Rep("p", "", "a").Admin("", "Admin");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        Assert.Equal(4, ex.Problems.Count);
        Assert.Single(ex.Problems, p => p.StartsWith("Team \"a\"", StringComparison.Ordinal));
        Assert.Single(ex.Problems, p => p.Contains("\"Nameless\"", StringComparison.Ordinal));
        Assert.Single(ex.Problems, p => p.StartsWith("Person \"p\"", StringComparison.Ordinal));
        Assert.Single(ex.Problems, p => p.Contains("\"Admin\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_BuilderReusedAfterBuild_DoesNotChangeTheBuiltOrg()
    {
        var builder = SalesOrg.CreateBuilder("Co").Team("a", "A", lead: "x").Rep("x", "X", "a");
        var first = builder.Build();

        builder.Rep("y", "Y", "a");
        var second = builder.Build();

        Assert.Equal(["x"], first.People.Select(p => p.Id));
        Assert.Equal(["x"], first.ScopeOf("x").Owners);
        Assert.Equal(["x", "y"], second.ScopeOf("x").Owners.Order(StringComparer.Ordinal));
    }
}
