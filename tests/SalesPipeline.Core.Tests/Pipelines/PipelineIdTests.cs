using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Pipelines;

public class PipelineIdTests
{
    [Theory]
    [InlineData("Négociation", "négociation")]
    [InlineData("Angebot / Quote", "angebot-quote")]
    [InlineData("  Closed -- Won!  ", "closed-won")]
    [InlineData("商谈", "商谈")]
    public void Stage_DerivedId_KeepsLettersOfAnyScript(string name, string expected)
    {
        var pipeline = PipelineDefinition.CreateBuilder("P").Stage(name, 0.5m).Won("Won").Lost("Lost").Build();

        Assert.Equal(expected, pipeline.OpenStages[0].Id);
    }

    [Fact]
    public void ToMermaid_StageIdsThatSanitizeAlike_GetDistinctStateIds()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("First", 0.1m, id: "a-b")
            .Stage("Second", 0.2m, id: "a_b")
            .Won("Won")
            .Lost("Lost")
            .Build();

        var mermaid = pipeline.ToMermaid();

        Assert.Contains("state \"First (10%, Pipeline)\" as a_b\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("state \"Second (20%, Pipeline)\" as a_b_2\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    a_b --> a_b_2\n", mermaid, StringComparison.Ordinal);
    }
}
