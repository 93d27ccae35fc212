using SalesPipeline.Leads;

namespace SalesPipeline.Tests.Leads;

public sealed class LeadSourceTests
{
    [Fact]
    public void WellKnownSources_HaveTheirLowerCaseCodes()
    {
        Assert.Equal(
            ["campaign", "web", "phone", "referral", "import", "event", "partner", "outbound"],
            new[]
            {
                LeadSource.Campaign,
                LeadSource.Web,
                LeadSource.Phone,
                LeadSource.Referral,
                LeadSource.Import,
                LeadSource.Event,
                LeadSource.Partner,
                LeadSource.Outbound,
            }.Select(s => s.Code)
        );
    }

    [Fact]
    public void Constructor_CustomCode_IsTrimmedAndEqualByCode()
    {
        var source = new LeadSource("  web ");

        Assert.Equal("web", source.Code);
        Assert.Equal(LeadSource.Web, source);
        Assert.NotEqual(LeadSource.Web, new LeadSource("Web"));
        Assert.Equal("trade-show-2026", new LeadSource("trade-show-2026").ToString());
    }

    [Fact]
    public void Constructor_BlankCode_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LeadSource(" "));

        Assert.Equal("code", ex.ParamName);
    }
}
