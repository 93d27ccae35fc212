using SalesPipeline.Deals;

namespace SalesPipeline.Samples.Tests;

public sealed class SampleShapeTests
{
    private static readonly SampleData Sample = SampleData.Create();

    [Fact]
    public void Every_deal_is_rebuilt_by_its_own_history()
    {
        foreach (var deal in Sample.Deals)
        {
            Assert.Equal(deal, Deal.FromEvents(Sample.Pipeline, deal.Events));
        }
    }
}
