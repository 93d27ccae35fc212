using System.Text.Json;
using NodaTime;
using SalesPipeline.Json;
using SalesPipeline.Leads;

namespace SalesPipeline.Json.Tests.Events;

public class LeadEventJsonTests
{
    private const string Touched = """{"type":"LeadTouched","version":1,"leadId":"L-1","at":"2026-03-02T10:00:00Z","by":"alice"}""";

    [Fact]
    public void A_lead_event_is_one_flat_object_with_its_type_and_version_first()
    {
        var touched = new LeadTouched(new LeadId("L-1"), Instant.FromUtc(2026, 3, 2, 10, 0), "alice");
        Assert.Equal(touched, JsonAssert.RoundTrip<LeadEvent>(touched, Touched));
    }

    [Theory]
    // The example: a misspelt "leadid" is refused, never read as a lead without an id.
    [InlineData("\"leadId\"", "\"leadid\"", "$.leadid", "LeadTouched has no field \"leadid\". Did you mean \"leadId\"?")]
    [InlineData(",\"leadId\":\"L-1\"", "", "$.leadId", "The required field \"leadId\" of LeadTouched is missing")]
    [InlineData(
        "\"LeadTouched\"",
        "\"LeadCalled\"",
        "$.type",
        "the known ones are LeadCreated, LeadAssignedToPool, LeadTouched, LeadReassigned, LeadDisqualified, LeadConverted"
    )]
    [InlineData("\"alice\"", "\" \"", "$.by", "The text \" \" is blank")]
    public void Bad_lead_events_name_the_path_and_the_rule(string find, string replace, string path, string rule) =>
        JsonAssert.Fails<LeadEvent>(Touched.Replace(find, replace, StringComparison.Ordinal), path, rule);

    [Fact]
    public void A_conversion_without_its_deal_is_an_error()
    {
        var converted = """{"type":"LeadConverted","version":1,"leadId":"L-1","at":"2026-03-02T10:00:00Z","by":"alice","dealId":""}""";
        JsonAssert.Fails<LeadEvent>(converted, "$.dealId", "The deal id \"\" is blank");
        var options = new JsonSerializerOptions { TypeInfoResolver = SalesPipelineJsonContext.Default }.ConfigureForSalesPipeline();
        Assert.Single(JsonSerializer.Deserialize<IReadOnlyList<LeadEvent>>("[" + Touched + "]", options)!);
    }
}
