using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Organization;

// Issue 15: team ids and person ids that look the same are refused, as stage ids are (docs/pipelines-and-deals.md,
// "Names and ids that look alike"); ids of different kinds may share a look.
public sealed class SalesOrgLookAlikeTests
{
    private const string Rule =
        "must differ after compatibility normalization (NFKC), case folding and removing invisible characters, and must not be confusable (equal Unicode TR39 skeletons, before or after case folding).";

    [Fact]
    public void Build_TeamIdWithCyrillicLetter_IsMixedScriptAndConfusable()
    {
        // 0435 CYRILLIC SMALL LETTER IE -> 0065 in confusables.txt.
        var builder = SalesOrg.CreateBuilder("Acme").Team("emea", "EMEA").Team("\u0435mea", "EMEA 2").Rep("erin", "Erin", "emea");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        Assert.Equal(
            [
                "The team id \"\u0435mea\" mixes scripts: Cyrillic (\"\u0435\" U+0435), Latin (\"m\" U+006D); an id's letters must come from one script (characters of the Common and Inherited scripts, such as digits, punctuation and combining marks, go with any; Latin may also join Han with Hiragana and Katakana, with Bopomofo, or with Hangul: the \"highly restrictive\" level of Unicode TR39).",
                "The team ids \"emea\" and \"\u0435mea\" are confusable: both have the skeleton \"ernea\"; ids of one kind " + Rule,
            ],
            ex.Problems
        );
    }

    [Theory]
    [InlineData("bob", "Bob", "are the same id once normalized and case-folded: both are \"bob\"")]
    [InlineData("alice", "aIice", "are confusable: both have the skeleton \"alice\"")] // 0049 LATIN CAPITAL LETTER I -> 006C
    [InlineData("dan", "\uFF44\uFF41\uFF4E", "are the same id once normalized and case-folded: both are \"dan\"")] // full width
    public void Build_LookAlikePersonIds_AreRefused(string first, string second, string collision)
    {
        var builder = SalesOrg.CreateBuilder("Acme").Team("emea", "EMEA").Rep(first, "One", "emea").Rep(second, "Two", "emea");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Equal($"The person ids \"{first}\" and \"{second}\" {collision}; ids of one kind {Rule}", problem);
    }

    [Fact]
    public void Build_PersonIdWithInvisibleCharacter_IsRefused()
    {
        // 2060 WORD JOINER, between "d" and "an".
        var builder = SalesOrg.CreateBuilder("Acme").Team("emea", "EMEA").Rep("d\u2060an", "Dan", "emea");

        var ex = Assert.Throws<SalesOrgDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(
            "The person id \"d<U+2060>an\" contains U+2060, an invisible or control character; ids must be made of visible characters.",
            problem
        );
    }

    [Fact]
    public void Build_SameLookAcrossKinds_AndIdsOfOneScript_AreAccepted()
    {
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("erin", "Erin's team", lead: "erin")
            .Team("\u6771\u4EAC", "Tokyo", parent: "erin") // Han
            .Rep("erin", "Erin", "erin")
            .Rep("\u7530\u4E2D", "Tanaka", "\u6771\u4EAC") // Han
            .Rep("tanaka", "Tanaka too", "\u6771\u4EAC")
            .Build();

        Assert.Equal(["erin", "\u7530\u4E2D", "tanaka"], org.People.Select(p => p.Id));
    }
}
