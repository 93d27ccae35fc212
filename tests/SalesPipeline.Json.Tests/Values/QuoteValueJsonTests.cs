using SalesPipeline.Quotes;

namespace SalesPipeline.Json.Tests.Values;

// The values quote events are made of. Each is read through its constructor or factory, so what the quote model refuses
// comes out as a SalesPipelineJsonException at the field it is about, never as a raw ArgumentException.
public class QuoteValueJsonTests
{
    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    // 3 x EUR 1,200.00 listed at 1,250.00, floor 1,000.00, 12% off the line.
    private const string Line =
        """{"productId":"LIC-PRO","quantity":"3","unitPrice":{"amount":"1200.00","currency":"EUR"},"listPrice":{"amount":"1250.00","currency":"EUR"},"floorPrice":{"amount":"1000.00","currency":"EUR"},"discount":{"kind":"Percentage","percent":"12"}}""";

    [Fact]
    public void A_line_is_written_with_exact_amounts_and_reads_back_equal()
    {
        var line = new QuoteLine("LIC-PRO", 3m, Eur(1_200.00m), Eur(1_250.00m), Eur(1_000.00m), Discount.Percentage(12m));
        Assert.Equal(line, JsonAssert.RoundTrip(line, Line));
    }

    [Fact]
    public void A_line_without_floor_or_discount_omits_them_and_an_amount_discount_has_its_own_kind()
    {
        var plain = new QuoteLine("SUPPORT", 1.5m, Eur(80.00m), Eur(80.00m));
        Assert.Equal(
            plain,
            JsonAssert.RoundTrip(
                plain,
                """{"productId":"SUPPORT","quantity":"1.5","unitPrice":{"amount":"80.00","currency":"EUR"},"listPrice":{"amount":"80.00","currency":"EUR"}}"""
            )
        );
        var off = Discount.Of(Eur(50.00m));
        Assert.Equal(off, JsonAssert.RoundTrip(off, """{"kind":"Amount","amount":{"amount":"50.00","currency":"EUR"}}"""));
    }

    [Theory]
    // Each rule of QuoteLine and Discount, broken once, at the field the constructor names.
    [InlineData("\"quantity\":\"3\"", "\"quantity\":\"-1\"", "$.quantity", "must be above zero; it was -1")]
    [InlineData("\"quantity\":\"3\"", "\"quantity\":\"0\"", "$.quantity", "must be above zero")]
    [InlineData("\"percent\":\"12\"", "\"percent\":\"112\"", "$.discount.percent", "between 0 and 100 inclusive")]
    [InlineData("\"percent\":\"12\"", "\"percent\":\"-5\"", "$.discount.percent", "between 0 and 100 inclusive")]
    [InlineData("\"amount\":\"1000.00\"", "\"amount\":\"1300.00\"", "$.floorPrice", "is above its list price")]
    [InlineData("\"amount\":\"1200.00\"", "\"amount\":\"-1200.00\"", "$.unitPrice", "must not be negative")]
    [InlineData("\"productId\":\"LIC-PRO\"", "\"productId\":\" \"", "$.productId", "is blank")]
    [InlineData("\"quantity\":\"3\"", "\"quantity\":3", "$.quantity", "exact decimal in a string")]
    [InlineData("\"kind\":\"Percentage\"", "\"kind\":\"Percent\"", "$.discount.kind", "Unknown discount kind \"Percent\"")]
    [InlineData(",\"listPrice\":{\"amount\":\"1250.00\",\"currency\":\"EUR\"}", "", "$.listPrice", "is missing")]
    [InlineData("\"discount\"", "\"Discount\"", "$.Discount", "Did you mean \"discount\"?")]
    // A price in another currency than the unit price: CurrencyMismatchException, an InvalidOperationException.
    [InlineData(
        "\"amount\":\"1000.00\",\"currency\":\"EUR\"",
        "\"amount\":\"1000.00\",\"currency\":\"USD\"",
        "$",
        "QuoteLine is not valid"
    )]
    public void Bad_lines_name_the_path_and_the_rule(string find, string replace, string path, string rule)
    {
        Assert.Contains(find, Line, StringComparison.Ordinal);
        var error = JsonAssert.Fails<QuoteLine>(Line.Replace(find, replace, StringComparison.Ordinal), path, rule);
        Assert.IsNotType<ArgumentException>(error);
    }

    [Theory]
    // Values too large for the arithmetic: the overflow the constructor raises is reported where it happens, not thrown raw.
    [InlineData("\"quantity\":\"3\"", "\"quantity\":\"79228162514264337593543950335\"", "$", "QuoteLine is not valid")]
    [InlineData("\"amount\":\"1200.00\"", "\"amount\":\"79228162514264337593543950335\"", "$.unitPrice.amount", "Money is not valid")]
    public void Overflowing_lines_are_refused_with_the_package_exception(string find, string replace, string path, string rule)
    {
        var error = Assert.Throws<SalesPipelineJsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize<QuoteLine>(
                Line.Replace(find, replace, StringComparison.Ordinal),
                SalesPipelineJson.Options
            )
        );
        Assert.Equal(path, error.FullPath);
        Assert.StartsWith(rule, error.Rule, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void An_amount_discount_above_the_line_or_off_the_minor_unit_is_refused()
    {
        // 3 x 1,200.00 = 3,600.00; 3,600.01 off would make the line negative.
        var line = Line.Replace(
            "{\"kind\":\"Percentage\",\"percent\":\"12\"}",
            "{\"kind\":\"Amount\",\"amount\":{\"amount\":\"3600.01\",\"currency\":\"EUR\"}}",
            StringComparison.Ordinal
        );
        JsonAssert.Fails<QuoteLine>(line, "$.discount", "above the line's amount EUR 3,600.00");
        JsonAssert.Fails<Discount>(
            """{"kind":"Amount","amount":{"amount":"10.005","currency":"EUR"}}""",
            "$.amount",
            "whole number of minor units"
        );
    }

    [Fact]
    public void Triggered_rules_and_required_approvals_round_trip()
    {
        var triggered = new TriggeredRule(
            "line discount above 10%",
            ApproverLevel.Manager,
            null,
            "line \"LIC-PRO\" is 12% off list, above 10%"
        );
        Assert.Equal(
            triggered,
            JsonAssert.RoundTrip(
                triggered,
                """{"rule":"line discount above 10%","level":"Manager","reason":"line \u0022LIC-PRO\u0022 is 12% off list, above 10%"}"""
            )
        );
        var required = new RequiredApproval(ApproverLevel.Role, null, "deal-desk");
        Assert.Equal(required, JsonAssert.RoundTrip(required, """{"level":"Role","role":"deal-desk"}"""));
        JsonAssert.Fails<RequiredApproval>("""{"level":"Boss"}""", "$.level", "is not a ApproverLevel");
    }

    [Fact]
    public void Approval_rules_round_trip_with_the_threshold_of_their_measure()
    {
        ApprovalRule[] rules =
        [
            ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
            ApprovalRule.TotalDiscountAbove(Eur(5_000.00m), Approver.NextLevelUp, "big discount"),
            ApprovalRule.TotalAbove(Eur(100_000.00m), Approver.InRole("deal-desk")),
            ApprovalRule.PriceUnderFloor(Approver.Nobody),
        ];
        Assert.Equal(
            rules[0],
            JsonAssert.RoundTrip(
                rules[0],
                """{"name":"line discount above 10%","measure":"LineDiscountPercent","percent":"10","approver":{"level":"Manager"}}"""
            )
        );
        foreach (var rule in rules)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(rule, SalesPipelineJson.Options);
            Assert.Equal(rule, System.Text.Json.JsonSerializer.Deserialize<ApprovalRule>(json, SalesPipelineJson.Options));
        }
    }

    [Theory]
    [InlineData(
        """{"name":"r","measure":"LineDiscountPercent","approver":{"level":"Manager"}}""",
        "$.percent",
        "has a percentage threshold; \"percent\" is missing"
    )]
    [InlineData(
        """{"name":"r","measure":"PriceUnderFloor","percent":"5","approver":{"level":"Manager"}}""",
        "$.percent",
        "has no percentage threshold"
    )]
    [InlineData(
        """{"name":"r","measure":"TotalAbove","percent":"5","amount":{"amount":"1","currency":"EUR"},"approver":{"level":"Manager"}}""",
        "$.percent",
        "has no percentage threshold"
    )]
    [InlineData("""{"name":"r","measure":"TotalAbove","approver":{"level":"Manager"}}""", "$.amount", "\"amount\" is missing")]
    [InlineData(
        """{"name":"r","measure":"TotalAbove","amount":{"amount":"-1","currency":"EUR"},"approver":{"level":"Manager"}}""",
        "$.amount",
        "must not be negative"
    )]
    [InlineData(
        """{"name":"r","measure":"LineDiscountPercent","percent":"101","approver":{"level":"Manager"}}""",
        "$.percent",
        "between 0 and 100 inclusive"
    )]
    [InlineData("""{"name":"r","measure":"PriceUnderFloor","approver":{"level":"Role"}}""", "$.approver.role", "names the role")]
    [InlineData(
        """{"name":"r","measure":"PriceUnderFloor","approver":{"level":"Manager","role":"cfo"}}""",
        "$.approver.role",
        "Only an approver of level Role names a role"
    )]
    public void Bad_approval_rules_name_the_path_and_the_rule(string json, string path, string rule) =>
        JsonAssert.Fails<ApprovalRule>(json, path, rule);
}
