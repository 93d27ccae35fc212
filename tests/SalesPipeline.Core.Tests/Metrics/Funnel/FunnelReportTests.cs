using SalesPipeline.Leads;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Metrics;

public class FunnelReportTests
{
    private static readonly SalesPipeline.Pipelines.PipelineDefinition Pipeline = History.Pipeline;

    [Fact]
    public void Equality_EveryPartCounts()
    {
        var deal = History.Open("D1", 0).Move("qualified", 1);
        var report = Funnel.Of([deal], Pipeline);
        var lead = Lead.Create(new LeadId("L1"), "One", LeadSource.Web, "alice", History.T0);
        FunnelReport[] others =
        [
            Funnel.Of([deal], Pipeline, new FunnelOptions { QualifiedStageId = "proposal" }), // only the qualified stage
            Funnel.Of([History.Open("D1", 0)], Pipeline), // the deal's path differs
            Funnel.Of([deal], [lead], Pipeline), // one lead more
            Funnel.Of([deal], Pipeline, new FunnelOptions { Breakdowns = [Breakdown.Owner] }), // groups asked for
        ];

        Assert.Equal(report, Funnel.Of([deal], Pipeline));
        Assert.Equal(report.GetHashCode(), Funnel.Of([deal], Pipeline).GetHashCode());
        Assert.False(report.Equals(null));
        Assert.All(others, r => Assert.NotEqual(report, r));
    }

    [Fact]
    public void LeadConversion_Text_NamesTheGroup_DashesForNoRate()
    {
        Assert.Equal("All leads: 0 leads, to deal -, to qualified -", new LeadConversion(null, "", 0, 0, 0, null, null).ToString());
        Assert.Equal(
            "Source web: 3 leads, to deal -, to qualified -",
            new LeadConversion(Breakdown.Source, "web", 3, 0, 0, null, null).ToString()
        );
    }
}
