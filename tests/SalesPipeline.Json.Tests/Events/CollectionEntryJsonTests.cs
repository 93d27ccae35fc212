using System.Text.Json;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests.Events;

public class CollectionEntryJsonTests
{
    [Fact]
    public void A_payment_without_an_instalment_omits_it()
    {
        var payment = new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000.00m, Currency.USD));
        var back = JsonAssert.RoundTrip<CollectionEntry>(
            payment,
            """{"type":"Payment","version":1,"on":"2026-02-02","reference":"WIRE-1","amount":{"amount":"4000.00","currency":"USD"}}"""
        );
        Assert.Equal(payment, back);
    }

    [Fact]
    public void A_payment_with_more_decimals_than_its_currency_is_refused_by_the_domain_rule()
    {
        // USD has 2 decimals; Payment's constructor refuses 10.125, and that ArgumentException is kept as the inner one.
        var error = JsonAssert.Fails<CollectionEntry>(
            """{"type":"Payment","version":1,"on":"2026-02-02","reference":"P-1","amount":{"amount":"10.125","currency":"USD"}}""",
            "$.amount",
            "Payment is not valid: The amount must be a whole number of minor units"
        );
        Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Equal("amount", ((ArgumentException)error.InnerException!).ParamName);
        // The path says where; the parameter suffix of ArgumentException is left out of the rule.
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        """{"type":"Payment","version":1,"on":"2026-02-02","reference":"P-1","amount":{"amount":"0","currency":"USD"}}""",
        "$.amount",
        "The amount must be above zero"
    )]
    [InlineData(
        """{"type":"Payment","version":1,"on":"2026-02-02","reference":"P-1","amount":{"amount":"1","currency":"USD"},"instalment":0}""",
        "$.instalment",
        "Instalments are numbered from 1"
    )]
    [InlineData(
        """{"type":"Reschedule","version":1,"on":"2026-02-02","newDueOn":"2026-03-01"}""",
        "$.instalment",
        "\"instalment\" of Reschedule is missing"
    )]
    [InlineData("""{"type":"MilestoneReached","version":1,"on":"2026-02-30","name":"go-live"}""", "$.on", "\"2026-02-30\" is not a date")]
    [InlineData(
        """{"type":"StageMoved","version":1}""",
        "$.type",
        "the known ones are Payment, Refund, Reversal, Reschedule, MilestoneReached, ContractCost"
    )]
    [InlineData("""{"type":"Refund","version":3}""", "$.version", "Refund version 3 is newer than this package reads")]
    public void Bad_entries_name_the_path_and_the_rule(string json, string path, string rule) =>
        JsonAssert.Fails<CollectionEntry>(json, path, rule);

    [Fact]
    public void A_free_text_reason_is_kept_exactly_even_empty()
    {
        var reversal = new Reversal("V-1", new LocalDate(2026, 3, 5), "CHQ-7", "");
        Assert.Equal(
            reversal,
            JsonSerializer.Deserialize<CollectionEntry>(
                JsonSerializer.Serialize<CollectionEntry>(reversal, SalesPipelineJson.Options),
                SalesPipelineJson.Options
            )
        );
    }
}
