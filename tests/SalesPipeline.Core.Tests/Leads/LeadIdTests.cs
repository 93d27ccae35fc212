using SalesPipeline.Leads;

namespace SalesPipeline.Tests.Leads;

public sealed class LeadIdTests
{
    [Fact]
    public void Equality_IsOrdinalOnTheText()
    {
        Assert.Equal(new LeadId("L-1"), new LeadId("L-1"));
        Assert.True(new LeadId("L-1") == new LeadId("L-1"));
        Assert.True(new LeadId("L-1") != new LeadId("l-1"));
        Assert.Equal(new LeadId("L-1").GetHashCode(), new LeadId("L-1").GetHashCode());
        Assert.Equal("L-1", new LeadId("L-1").ToString());
        Assert.Equal("", default(LeadId).Value);
        Assert.NotEqual(default, new LeadId("L-1"));
    }

    [Fact]
    public void Constructor_BlankOrNullValue_ThrowsWithTheParameterName()
    {
        var blank = Assert.Throws<ArgumentException>(() => new LeadId("   "));

        Assert.Equal("value", blank.ParamName);
        Assert.Contains("\"   \"", blank.Message, StringComparison.Ordinal);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new LeadId(null!)).ParamName);
    }
}
