using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Calibration;

// The target stage of a transition: null refused by name, an unknown id named in the text.
public sealed partial class PipelineChainTests
{
    [Fact]
    public void TransitionProbability_NullOrUnknownTarget_IsRefusedNamingIt()
    {
        var chain = TwoStageChain();

        Assert.Equal("toStageId", Assert.Throws<ArgumentNullException>(() => chain.TransitionProbability("a", null!)).ParamName);
        Assert.Equal("toStageId", Assert.Throws<ArgumentNullException>(() => chain.ExitCount("a", null!)).ParamName);
        var unknown = Assert.Throws<ArgumentException>(() => chain.TransitionProbability("a", "x"));
        Assert.StartsWith($"Pipeline \"{Pipeline.Name}\" has no stage with id \"x\".", unknown.Message, StringComparison.Ordinal);
    }
}
