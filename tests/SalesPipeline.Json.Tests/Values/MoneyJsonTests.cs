using System.Text.Json;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests.Values;

public class MoneyJsonTests
{
    [Theory]
    [InlineData("1234.50", "USD", 2)]
    [InlineData("125000", "JPY", 0)]
    [InlineData("-3.500", "KWD", 3)]
    [InlineData("10.125", "USD", 3)] // Money keeps an unrounded amount; so does its JSON
    [InlineData("0.0000000000000000000000000001", "EUR", 28)] // the smallest positive decimal, exactly
    public void Money_is_an_exact_decimal_string_and_a_code_and_keeps_its_scale(string amount, string code, int scale)
    {
        var money = Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(code));
        var back = JsonAssert.RoundTrip(money, $$"""{"amount":"{{amount}}","currency":"{{code}}"}""");
        Assert.Equal(money, back);
        Assert.Equal(scale, back.Amount.Scale);
        Assert.Same(money.Currency, back.Currency);
    }

    [Fact]
    public void Fields_may_come_in_any_order_and_ignore_the_naming_policy()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper }.ConfigureForSalesPipeline();
        Assert.Equal("""{"amount":"5.00","currency":"EUR"}""", JsonSerializer.Serialize(Money.Of(5.00m, Currency.EUR), options));
        Assert.Equal(Money.Of(5m, Currency.EUR), JsonSerializer.Deserialize<Money>("""{"currency":"EUR","amount":"5.00"}""", options));
    }

    [Theory]
    [InlineData("""{"amount":1234.5,"currency":"USD"}""", "$.amount", "numbers are refused")]
    [InlineData("""{"amount":"1,234.50","currency":"USD"}""", "$.amount", "not a decimal in invariant form")]
    [InlineData("""{"amount":"1e3","currency":"USD"}""", "$.amount", "not a decimal in invariant form")]
    [InlineData("""{"amount":"+1","currency":"USD"}""", "$.amount", "not a decimal in invariant form")]
    [InlineData("""{"amount":"01.5","currency":"USD"}""", "$.amount", "not a decimal in invariant form")]
    [InlineData("""{"amount":"1.","currency":"USD"}""", "$.amount", "not a decimal in invariant form")]
    [InlineData("""{"amount":" 1","currency":"USD"}""", "$.amount", "not a decimal in invariant form")]
    // 29 decimals: decimal would round it to 0.0000000000000000000000000001; refused instead.
    [InlineData("""{"amount":"0.00000000000000000000000000011","currency":"USD"}""", "$.amount", "would be rounded")]
    [InlineData("""{"amount":"1.00","currency":"XYZ"}""", "$.currency", "Unknown currency \"XYZ\"")]
    [InlineData("""{"amount":"1.00","currency":"usd"}""", "$.currency", "did you mean \"USD\"?")]
    [InlineData("""{"amount":"1.00"}""", "$.currency", "\"currency\" of Money is missing")]
    [InlineData("""{"amount":null,"currency":"USD"}""", "$.amount", "required and may not be null")]
    [InlineData("""{"amount":"1.00","currency":"USD","Currency":"EUR"}""", "$.Currency", "Did you mean \"currency\"?")]
    [InlineData("""{"amount":"1.00","amount":"2.00","currency":"USD"}""", "$.amount", "given twice")]
    [InlineData("""["1.00","USD"]""", "$", "Expected a Money (a JSON object), found an array")]
    public void Bad_money_names_the_path_and_the_rule(string json, string path, string rule) => JsonAssert.Fails<Money>(json, path, rule);

    [Fact]
    public void The_path_includes_where_the_serializer_found_the_value()
    {
        var error = JsonAssert.Fails<List<Money>>(
            """[{"amount":"1","currency":"USD"},{"amount":"2","currency":"EUR","cents":200}]""",
            "$[1].cents",
            "Money has no field \"cents\""
        );
        Assert.Equal("$[1]", error.Path);
    }

    [Fact]
    public void A_currency_is_its_code()
    {
        Assert.Same(Currency.KWD, JsonAssert.RoundTrip(Currency.KWD, "\"KWD\""));
        JsonAssert.Fails<Currency>("\"ABC\"", "$", "Unknown currency \"ABC\"");
        JsonAssert.Fails<Currency>("840", "$", "Expected an ISO 4217 currency code in a string");
    }
}
