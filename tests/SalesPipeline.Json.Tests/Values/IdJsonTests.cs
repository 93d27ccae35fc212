using SalesPipeline.Deals;

namespace SalesPipeline.Json.Tests.Values;

public class IdJsonTests
{
    [Fact]
    public void Ids_sources_and_reasons_are_their_text()
    {
        Assert.Equal(new DealId("D-1001"), JsonAssert.RoundTrip(new DealId("D-1001"), "\"D-1001\""));
        Assert.Equal(new LeadId("L-7"), JsonAssert.RoundTrip(new LeadId("L-7"), "\"L-7\""));
        Assert.Equal(LeadSource.Web, JsonAssert.RoundTrip(LeadSource.Web, "\"web\""));
        Assert.Equal(LossReason.NoDecision, JsonAssert.RoundTrip(LossReason.NoDecision, "\"no-decision\""));
        Assert.Null(JsonAssert.RoundTrip<DealId?>(null, "null"));
    }

    [Theory]
    [InlineData("\"\"", "The deal id \"\" is blank")]
    [InlineData("\"  \"", "The deal id \"  \" is blank")]
    [InlineData("null", "Expected a DealId, found null")]
    [InlineData("1001", "Expected a deal id in a string, found the number 1001")]
    public void An_empty_or_missing_deal_id_is_an_error_never_default(string json, string rule) =>
        JsonAssert.Fails<DealId>(json, "$", rule);

    [Fact]
    public void An_empty_lead_id_is_an_error_in_a_list_too() =>
        JsonAssert.Fails<List<LeadId>>("""["L-1",""]""", "$[1]", "The lead id \"\" is blank");

    [Fact]
    public void Default_ids_are_never_written()
    {
        JsonAssert.WriteFails(default(DealId), "$", "The deal id is empty (default(DealId))");
        // On writing, the serializer supplies no outer path (it does only on reading): the path is the one inside the
        // value SalesPipeline's converter was given, here the array element itself.
        JsonAssert.WriteFails(new[] { new LeadId("L-1"), default }, "$", "The lead id is empty (default(LeadId))");
    }
}
