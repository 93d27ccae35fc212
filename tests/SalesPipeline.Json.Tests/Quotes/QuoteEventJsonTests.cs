using System.Text.Json;
using NodaTime;
using SalesPipeline.Json.Tests.Documents;
using SalesPipeline.Quotes;
using static SalesPipeline.Json.Tests.Quotes.QuoteSamples;

namespace SalesPipeline.Json.Tests.Quotes;

public class QuoteEventJsonTests
{
    private const string Sent = """{"type":"QuoteSent","version":1,"quoteId":"Q-17","at":"2026-03-02T14:00:00Z","by":"alice"}""";

    // Version 1 of the worked example, one line, as a created event in Paris's calendar.
    private const string Created =
        """{"type":"QuoteCreated","version":1,"quoteId":"Q-17","at":"2026-03-02T09:00:00Z","by":"alice","dealId":"D-1001","rep":"alice","content":{"validUntil":"2026-03-31","lines":[{"productId":"seat","quantity":"100","unitPrice":{"amount":"480","currency":"USD"},"listPrice":{"amount":"480","currency":"USD"},"discount":{"kind":"Percentage","percent":"12"}}]},"zone":"Europe/Paris"}""";

    private static List<QuoteEvent> ReadHistory(string json) =>
        JsonSerializer.Deserialize<List<QuoteEvent>>(json, SalesPipelineJson.Options)!;

    [Fact]
    public void A_quote_event_is_one_flat_object_with_its_type_and_version_first()
    {
        var sent = new QuoteSent("Q-17", Instant.FromUtc(2026, 3, 2, 14, 0), "alice");
        Assert.Equal(sent, JsonAssert.RoundTrip<QuoteEvent>(sent, Sent));
        var created = new QuoteCreated(
            "Q-17",
            Instant.FromUtc(2026, 3, 2, 9, 0),
            "alice",
            new DealId("D-1001"),
            "alice",
            new QuoteContent(
                new LocalDate(2026, 3, 31),
                [new QuoteLine("seat", 100m, Usd(480m), Usd(480m), null, Discount.Percentage(12m))]
            ),
            DateTimeZoneProviders.Tzdb["Europe/Paris"]
        );
        Assert.Equal(created, JsonAssert.RoundTrip<QuoteEvent>(created, Created));
    }

    [Fact]
    public void The_worked_example_history_matches_its_golden_file_and_rebuilds_the_quote()
    {
        var quote = WorkedExample();
        var json = GoldenFile.AssertMatches<IReadOnlyList<QuoteEvent>>("quote-history.worked-example.json", quote.Events);
        var events = ReadHistory(json);
        Assert.Equal(quote.Events, events);
        Assert.Equal(
            [
                "QuoteCreated",
                "QuoteSubmitted",
                "QuoteApproved",
                "QuoteSent",
                "QuoteRevised",
                "QuoteSubmitted",
                "QuoteApproved",
                "QuoteSent",
                "QuoteAccepted",
            ],
            events.Select(e => e.GetType().Name)
        );
        // v1: 100 x 480.00 = 48,000.00 less 12% = 42,240.00; + 6,000.00 + 9,600.00 = 57,840.00.
        // v2: 5% off the quote: 57,840.00 x 0.05 = 2,892.00, so 54,948.00; version 2, accepted.
        var back = Quote.FromEvents(events);
        Assert.Equal(Usd(54_948.00m), back.Total);
        Assert.Equal(Usd(57_840.00m), back.GetVersion(1).Totals.Total);
        Assert.Equal((2, QuoteStatus.Accepted), (back.Version, back.Status));
        Assert.Equal(DateTimeZone.Utc, back.Zone);
        // The text holds what a reader of the file checks by hand: the approver and her comment, the revision's number.
        using var document = JsonDocument.Parse(json);
        var history = document.RootElement;
        Assert.Equal("maria", history[1].GetProperty("required")[0].GetProperty("personId").GetString());
        Assert.Equal("Approved: 5% more for a three-year commitment.", history[6].GetProperty("comment").GetString());
        Assert.Equal(2, history[4].GetProperty("quoteVersion").GetInt32());
        Assert.Equal("5", history[4].GetProperty("content").GetProperty("quoteDiscount").GetProperty("percent").GetString());
        Assert.Equal("UTC", history[0].GetProperty("zone").GetString());
    }

    [Theory]
    [InlineData(
        "\"QuoteSent\"",
        "\"QuoteMailed\"",
        "$.type",
        "Unknown quote event type \"QuoteMailed\"; the known ones are QuoteCreated, QuoteRevised, QuoteSubmitted"
    )]
    [InlineData(",\"by\":\"alice\"", "", "$.by", "The required field \"by\" of QuoteSent is missing")]
    [InlineData("\"quoteId\"", "\"quoteid\"", "$.quoteid", "Did you mean \"quoteId\"?")]
    [InlineData("\"alice\"", "42", "$.by", "Expected a string, found the number 42")]
    [InlineData("\"version\":1", "\"version\":2", "$.version", "newer than this package reads")]
    public void Bad_quote_events_name_the_path_and_the_rule(string find, string replace, string path, string rule) =>
        JsonAssert.Fails<QuoteEvent>(Sent.Replace(find, replace, StringComparison.Ordinal), path, rule);

    [Theory]
    // What the quote model's constructors refuse comes out at the JSON path, never as a raw ArgumentException.
    [InlineData("\"quantity\":\"100\"", "\"quantity\":\"-100\"", "$.content.lines[0].quantity", "must be above zero; it was -100")]
    [InlineData("\"percent\":\"12\"", "\"percent\":\"112\"", "$.content.lines[0].discount.percent", "between 0 and 100 inclusive")]
    [InlineData("\"zone\":\"Europe/Paris\"", "\"zone\":\"Europe/Atlantis\"", "$.zone", "Unknown time zone \"Europe/Atlantis\"")]
    [InlineData("\"zone\":\"Europe/Paris\"", "\"zone\":\"europe/paris\"", "$.zone", "Ids are case-sensitive")]
    [InlineData("\"zone\":\"Europe/Paris\"", "\"zone\":1", "$.zone", "Expected a time zone id in a string")]
    [InlineData(",\"zone\":\"Europe/Paris\"", "", "$.zone", "The required field \"zone\" of QuoteCreated is missing")]
    [InlineData("\"lines\":[", "\"lines\":[null,", "$.content.lines[0]", "An element is null")]
    [InlineData("\"lines\":[", "\"lines\":{},\"x\":[", "$.content.lines", "Expected an array, found an object")]
    [InlineData("\"validUntil\":\"2026-03-31\"", "\"validUntil\":\"2026-02-30\"", "$.content.validUntil", "is not a date")]
    [InlineData(
        "\"currency\":\"USD\"},\"listPrice\"",
        "\"currency\":\"usd\"},\"listPrice\"",
        "$.content.lines[0].unitPrice.currency",
        "Unknown currency \"usd\""
    )]
    [InlineData(
        "\"amount\":\"480\",\"currency\":\"USD\"},\"discount\"",
        "\"amount\":\"480\",\"currency\":\"EUR\"},\"discount\"",
        "$.content.lines[0]",
        "QuoteLine is not valid"
    )]
    [InlineData("\"dealId\":\"D-1001\"", "\"dealId\":\"\"", "$.dealId", "The deal id \"\" is blank")]
    [InlineData("\"content\":{", "\"content\":null,\"x\":{", "$.content", "is required and may not be null")]
    public void Hostile_created_events_are_refused_at_their_path(string find, string replace, string path, string rule)
    {
        Assert.Contains(find, Created, StringComparison.Ordinal);
        JsonAssert.Fails<QuoteEvent>(Created.Replace(find, replace, StringComparison.Ordinal), path, rule);
    }

    [Fact]
    public void The_quote_version_of_a_revision_is_quoteVersion_since_version_is_the_schema_version()
    {
        var revised =
            """{"type":"QuoteRevised","version":1,"quoteId":"Q-17","at":"2026-03-05T10:00:00Z","by":"alice","quoteVersion":2,"content":{"validUntil":"2026-03-31","lines":[]}}""";
        Assert.Equal(2, Assert.IsType<QuoteRevised>(JsonSerializer.Deserialize<QuoteEvent>(revised, SalesPipelineJson.Options)).Version);
        JsonAssert.Fails<QuoteEvent>(
            revised.Replace("\"quoteVersion\":2", "\"quoteVersion\":\"2\"", StringComparison.Ordinal),
            "$.quoteVersion",
            "Expected a whole number"
        );
        JsonAssert.Fails<QuoteEvent>(revised.Replace(",\"quoteVersion\":2", "", StringComparison.Ordinal), "$.quoteVersion", "is missing");
    }

    [Fact]
    public void A_null_event_in_a_history_and_a_zone_outside_the_tz_database_are_refused()
    {
        JsonAssert.Fails<List<QuoteEvent>>("[" + Sent + ",null]", "$[1]", "Expected a QuoteEvent, found null");
        // A zone of another provider (the BCL's, from TimeZoneInfo) is not the tz database's zone of that id, and a reader
        // could only find the latter: refused when written. On Linux the BCL knows "Europe/Paris" too.
        if (DateTimeZoneProviders.Bcl.GetZoneOrNull("Europe/Paris") is { } bcl)
        {
            var created = (QuoteCreated)JsonSerializer.Deserialize<QuoteEvent>(Created, SalesPipelineJson.Options)!;
            JsonAssert.WriteFails<QuoteEvent>(created with { Zone = bcl }, "$.zone", "is not one of the tz database's");
        }
    }

    [Fact]
    public void Fixed_offset_and_utc_zones_read_back_equal()
    {
        var created = (QuoteCreated)JsonSerializer.Deserialize<QuoteEvent>(Created, SalesPipelineJson.Options)!;
        foreach (
            var zone in new[]
            {
                DateTimeZone.Utc,
                DateTimeZone.ForOffset(Offset.FromHours(5)),
                DateTimeZone.ForOffset(Offset.FromHoursAndMinutes(-3, -30)),
            }
        )
        {
            var json = JsonSerializer.Serialize<QuoteEvent>(created with { Zone = zone }, SalesPipelineJson.Options);
            var back = (QuoteCreated)JsonSerializer.Deserialize<QuoteEvent>(json, SalesPipelineJson.Options)!;
            Assert.Equal(zone.Id, back.Zone.Id);
            Assert.Equal(created with { Zone = zone }, back);
        }
    }
}
