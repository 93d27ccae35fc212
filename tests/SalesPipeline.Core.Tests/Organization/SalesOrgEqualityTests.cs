using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Organization;

// Two organizations are equal when they are the same tree: the same company name and the same teams and people, every
// field, in the same declared order; == and != agree with Equals and treat two nulls as equal.
public sealed class SalesOrgEqualityTests
{
    private static SalesOrg Build(string company = "Acme", bool teamsSwapped = false, string amyName = "Amy", bool peopleSwapped = false)
    {
        var builder = SalesOrg.CreateBuilder(company);
        if (teamsSwapped)
        {
            builder.Team("amer", "AMER", lead: "amy").Team("emea", "EMEA");
        }
        else
        {
            builder.Team("emea", "EMEA").Team("amer", "AMER", lead: "amy");
        }
        if (peopleSwapped)
        {
            builder.Rep("amy", amyName, "amer").Rep("erin", "Erin", "emea");
        }
        else
        {
            builder.Rep("erin", "Erin", "emea").Rep("amy", amyName, "amer");
        }
        return builder.Admin("carol", "Carol").Build();
    }

    [Fact]
    public void Two_orgs_built_alike_are_equal_with_equal_hash_codes()
    {
        var a = Build();
        var b = Build();

        Assert.NotSame(a, b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void An_org_equals_itself()
    {
        var a = Build();
        var same = a;

        Assert.True(a.Equals(same));
        Assert.True(a == same);
        Assert.False(a != same);
    }

    public static TheoryData<string, SalesOrg> Different =>
        new()
        {
            { "company", Build(company: "Acme Ltd") },
            { "team order", Build(teamsSwapped: true) },
            { "a person's name", Build(amyName: "Amy B.") },
            { "people order", Build(peopleSwapped: true) },
        };

    [Theory]
    [MemberData(nameof(Different))]
    public void Orgs_differing_in_one_part_only_are_not_equal(string _, SalesOrg other)
    {
        var a = Build();

        Assert.False(a.Equals(other));
        Assert.False(other.Equals(a));
        Assert.False(a == other);
        Assert.True(a != other);
    }

    [Fact]
    public void Null_is_equal_only_to_null_on_either_side()
    {
        var a = Build();
        SalesOrg? none = null;

        Assert.False(a.Equals(none));
        Assert.False(a.Equals((object?)null));
        Assert.False(a.Equals("Acme"));
        Assert.False(a == none);
        Assert.False(none == a);
        Assert.True(a != none);
        Assert.True(none != a);
        Assert.True(none == null);
        Assert.False(none != null);
    }
}
