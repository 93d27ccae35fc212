using System.Text.Json;
using FsCheck.Fluent;
using SalesPipeline.Json;
using SalesPipeline.Organization;
using SalesPipeline.Tests;

namespace SalesPipeline.Json.Tests.Documents;

public class SalesOrgDocumentTests
{
    // The builder's own example (SalesOrgBuilder's XML docs) with a team without a lead and a rep in it.
    internal static SalesOrg Acme() =>
        SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA", lead: "erin")
            .Team("dach", "DACH", parent: "emea", lead: "dan")
            .Team("nordics", "Nordics", parent: "emea")
            .Rep("erin", "Erin", team: "emea")
            .Rep("dan", "Dan", team: "dach")
            .Rep("alice", "Alice", team: "dach")
            .Rep("nils", "Nils", team: "nordics")
            .Admin("carol", "Carol")
            .Build();

    private static SalesOrg Read(string json) => JsonSerializer.Deserialize<SalesOrg>(json, SalesPipelineJson.Options)!;

    private static string Golden() => GoldenFile.AssertMatches("sales-org.json", Acme());

    [Fact]
    public void Small_org_matches_its_golden_file_and_reads_back_equal_with_the_same_visibility()
    {
        var back = Read(Golden());
        Assert.Equal(Acme(), back);
        // By the rule of VisibilityKind: erin leads emea, so sees its subtree (dach, nordics): erin, dan, alice, nils;
        // dan leads dach: dan, alice; alice and nils see their own; carol is an admin and sees all.
        Assert.Equal(["alice", "dan", "erin", "nils"], back.ScopeOf("erin").Owners.Order(StringComparer.Ordinal));
        Assert.Equal(["alice", "dan"], back.ScopeOf("dan").Owners.Order(StringComparer.Ordinal));
        Assert.Equal(VisibilityKind.Own, back.ScopeOf("nils").Kind);
        Assert.Equal(VisibilityKind.All, back.ScopeOf("carol").Kind);
    }

    [Theory]
    [InlineData(
        "\"name\": \"Nordics\",\n      \"parent\": \"emea\"",
        "\"name\": \"Nordics\",\n      \"parent\": \"apac\"",
        "$.teams[2].parent",
        "which is not a team"
    )]
    [InlineData("\"lead\": \"dan\"", "\"lead\": \"dana\"", "$.teams[1].lead", "who is not declared")]
    [InlineData("\"id\": \"alice\"", "\"id\": \"dan\"", "$.people[2].id", "is used 2 times")]
    [InlineData("\"id\": \"nordics\"", "\"id\": \"dach\"", "$.teams[2].id", "is used 2 times")]
    [InlineData(",\n      \"team\": \"nordics\"", "", "$.people[3].team", "has no team")]
    [InlineData("\"team\": \"nordics\"", "\"team\": \"nordic\"", "$.people[3].team", "which is not a team")]
    // emea's parent becomes nordics, whose parent is emea: the cycle emea -> nordics -> emea, named at its first team.
    [InlineData(
        "\"name\": \"EMEA\",\n      \"lead\": \"erin\"",
        "\"name\": \"EMEA\",\n      \"parent\": \"nordics\",\n      \"lead\": \"erin\"",
        "$.teams[0].parent",
        "form a cycle"
    )]
    public void Each_builder_rule_names_the_field(string from, string to, string path, string rule)
    {
        var json = Golden();
        Assert.Contains(from, json, StringComparison.Ordinal);
        var error = Assert.Throws<SalesPipelineJsonException>(() => Read(json.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal(path, error.FullPath);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        Assert.IsType<SalesOrgDefinitionException>(error.InnerException);
    }

    [Theory]
    [InlineData("\"admin\": true", "\"admin\": \"yes\"", "$.people[4].admin", "true or false")]
    [InlineData("\"admin\": true", "\"admin\": true, \"lead\": \"carol\"", "$.people[4].lead", "SalesPerson has no field")]
    [InlineData("\"lead\": \"erin\"\n", "\"lead\": \"erin\", \"lead\": \"erin\"\n", "$.teams[0].lead", "given twice")]
    [InlineData(",\n      \"admin\": true", "", "$.people[4].admin", "is missing")]
    [InlineData("\"name\": \"Nils\"", "\"name\": \"  \"", "$.people[3].name", "is blank")]
    [InlineData("\"company\": \"Acme\"", "\"company\": \"\"", "$.company", "is blank")]
    [InlineData("\"version\": 1", "\"version\": 0", "$.version", "does not exist")]
    public void Bad_json_names_the_path_and_the_rule(string from, string to, string path, string rule)
    {
        var json = Golden();
        Assert.Contains(from, json, StringComparison.Ordinal);
        var error = Assert.Throws<SalesPipelineJsonException>(() => Read(json.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal(path, error.FullPath);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_orgs_read_back_equal_and_every_person_sees_the_same() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DocumentGenerators.Orgs.ToArbitrary(),
                org =>
                {
                    var back = Read(JsonSerializer.Serialize(org, SalesPipelineJson.Options));
                    Assert.Equal(org, back);
                    foreach (var person in org.People)
                    {
                        var (expected, actual) = (org.ScopeOf(person.Id), back.ScopeOf(person.Id));
                        Assert.Equal(expected.Kind, actual.Kind);
                        Assert.True(expected.Owners.SetEquals(actual.Owners));
                    }
                }
            )
        );
}
