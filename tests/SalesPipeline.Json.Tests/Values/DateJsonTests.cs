using System.Text.Json;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests.Values;

public class DateJsonTests
{
    [Fact]
    public void A_date_interval_is_its_two_inclusive_ends_whatever_the_naming_policy()
    {
        var q1 = new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));
        Assert.Equal(q1, JsonAssert.RoundTrip(q1, """{"start":"2026-01-01","end":"2026-03-31"}"""));
        // NodaTime's own converter would write "Start"/"End" through the policy ("START"/"END" here).
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper }.ConfigureForSalesPipeline();
        Assert.Equal("""{"start":"2026-01-01","end":"2026-03-31"}""", JsonSerializer.Serialize(q1, options));
    }

    [Fact]
    public void A_fiscal_period_is_its_label_and_ends_not_every_day_in_it()
    {
        // FY2026 of a calendar starting in July runs 2025-07-01..2026-06-30; its Q1 is July to September 2025.
        var q1 = FiscalCalendar.StartingIn(7).Quarter(2026, 1);
        var back = JsonAssert.RoundTrip(q1, """{"label":"FY2026 Q1","start":"2025-07-01","end":"2025-09-30"}""");
        Assert.Equal(q1, back);
    }

    [Theory]
    [InlineData("""{"start":"2026-03-31","end":"2026-01-01"}""", "$.end", "DateInterval is not valid")]
    [InlineData("""{"start":"2026-02-30","end":"2026-03-31"}""", "$.start", "\"2026-02-30\" is not a date")]
    [InlineData("""{"start":"2026-01-01"}""", "$.end", "\"end\" of DateInterval is missing")]
    [InlineData("""{"start":"2026-01-01","end":"2026-03-31","Start":"2026-01-01"}""", "$.Start", "Did you mean \"start\"?")]
    public void Bad_intervals_name_the_path_and_the_rule(string json, string path, string rule) =>
        JsonAssert.Fails<DateInterval>(json, path, rule);

    [Theory]
    [InlineData("""{"label":"","start":"2026-01-01","end":"2026-03-31"}""", "$.label", "is blank")]
    [InlineData("""{"label":"Q1","start":"2026-01-01","end":"2026/03/31"}""", "$.end", "expected ISO-8601 \"yyyy-MM-dd\"")]
    public void Bad_periods_name_the_path_and_the_rule(string json, string path, string rule) =>
        JsonAssert.Fails<FiscalPeriod>(json, path, rule);

    [Theory]
    [InlineData("""["2026-13-01T00:00:00Z"]""")]
    [InlineData("""["2026-03-01"]""")]
    [InlineData("""[5]""")]
    public void NodaTimes_own_converters_name_the_path_of_a_malformed_instant(string json)
    {
        // Instants and dates outside SalesPipeline's types go through NodaTime.Serialization.SystemTextJson: its error is
        // a JsonException with the path, which is what the issue asks; SalesPipeline does not wrap it.
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<List<Instant>>(json, SalesPipelineJson.Options));
        Assert.Equal("$[0]", error.Path);
        Assert.Contains("Path: $[0]", error.Message, StringComparison.Ordinal);
    }
}
