using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Json;

namespace SalesPipeline.Json.Tests.Events;

public class DealEventJsonTests
{
    private const string Moved =
        """{"type":"StageMoved","version":1,"dealId":"D-1","at":"2026-03-01T09:30:00Z","by":"alice","fromStageId":"qualified","toStageId":"proposal","direction":"Forward","stagesSkipped":0}""";

    private static readonly StageMoved MovedEvent = new(
        new DealId("D-1"),
        Instant.FromUtc(2026, 3, 1, 9, 30),
        "alice",
        "qualified",
        "proposal",
        MoveDirection.Forward,
        0
    );

    [Fact]
    public void An_event_is_one_flat_object_with_its_type_and_version_first()
    {
        Assert.Equal(Moved, JsonSerializer.Serialize<DealEvent>(MovedEvent, SalesPipelineJson.Options));
        Assert.Equal(Moved, JsonSerializer.Serialize(MovedEvent, SalesPipelineJson.Options));
        Assert.Equal(MovedEvent, JsonSerializer.Deserialize<DealEvent>(Moved, SalesPipelineJson.Options));
    }

    [Fact]
    public void Fields_may_come_in_any_order_and_the_names_ignore_the_naming_policy()
    {
        var shuffled =
            """{"stagesSkipped":0,"by":"alice","direction":"Forward","toStageId":"proposal","version":1,"at":"2026-03-01T09:30:00Z","fromStageId":"qualified","dealId":"D-1","type":"StageMoved"}""";
        Assert.Equal(MovedEvent, JsonSerializer.Deserialize<DealEvent>(shuffled, SalesPipelineJson.Options));
        var kebab = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower }.ConfigureForSalesPipeline();
        Assert.Equal(Moved, JsonSerializer.Serialize<DealEvent>(MovedEvent, kebab));
    }

    [Fact]
    public void Optional_fields_are_omitted_when_null_and_read_as_absent_or_null()
    {
        var lost = new DealLost(new DealId("D-1"), Instant.FromUtc(2026, 3, 1, 9, 30), "alice", "lost", LossReason.Timing, null);
        var json = JsonSerializer.Serialize<DealEvent>(lost, SalesPipelineJson.Options);
        Assert.Equal(
            """{"type":"DealLost","version":1,"dealId":"D-1","at":"2026-03-01T09:30:00Z","by":"alice","stageId":"lost","reason":"timing"}""",
            json
        );
        Assert.Equal(lost, JsonSerializer.Deserialize<DealEvent>(json, SalesPipelineJson.Options));
        Assert.Equal(
            lost,
            JsonSerializer.Deserialize<DealEvent>(
                json.Replace("}", ",\"competitor\":null}", StringComparison.Ordinal),
                SalesPipelineJson.Options
            )
        );
    }

    [Fact]
    public void Lists_of_events_read_as_every_collection_type_a_store_uses()
    {
        DealEvent[] events = [MovedEvent, new DealWon(new DealId("D-1"), Instant.FromUtc(2026, 3, 2, 0, 0), "bob", "won")];
        var json = JsonSerializer.Serialize(events, SalesPipelineJson.Options);
        Assert.Equal(events, JsonSerializer.Deserialize<IReadOnlyList<DealEvent>>(json, SalesPipelineJson.Options));
        Assert.Equal(events, JsonSerializer.Deserialize<List<DealEvent>>(json, SalesPipelineJson.Options));
        Assert.Equal(events, JsonSerializer.Deserialize<DealEvent[]>(json, SalesPipelineJson.Options));
    }

    [Fact]
    public async Task A_stream_read_in_small_pieces_reads_the_same_events_and_errors()
    {
        // A 16-byte buffer splits every event across reads; the converters still see each event whole.
        var options = new JsonSerializerOptions(SalesPipelineJson.Options) { DefaultBufferSize = 16 };
        var json = $"[{Moved},{Moved.Replace("D-1", "D-2", StringComparison.Ordinal)}]";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var events = await JsonSerializer.DeserializeAsync<List<DealEvent>>(stream, options);
        Assert.Equal([MovedEvent, MovedEvent with { DealId = new DealId("D-2") }], events);
        using var bad = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.Replace("\"by\"", "\"By\"", StringComparison.Ordinal)));
        var error = await Assert.ThrowsAsync<SalesPipelineJsonException>(async () =>
            await JsonSerializer.DeserializeAsync<List<DealEvent>>(bad, options)
        );
        Assert.Equal("$[0].By", error.FullPath);
    }

    [Fact]
    public void The_source_generated_contracts_alone_serve_the_root_types_without_reflection()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = SalesPipelineJsonContext.Default }.ConfigureForSalesPipeline();
        DealEvent[] events = [MovedEvent];
        var json = JsonSerializer.Serialize<IReadOnlyList<DealEvent>>(events, options);
        Assert.Equal("[" + Moved + "]", json);
        Assert.Equal(events, JsonSerializer.Deserialize<IReadOnlyList<DealEvent>>(json, options));
        Assert.Equal(events, JsonSerializer.Deserialize<List<DealEvent>>(json, options));
        Assert.Equal(MovedEvent, JsonSerializer.Deserialize<StageMoved>(Moved, options));
        Assert.Equal(Money.Of(1.50m, Currency.EUR), JsonSerializer.Deserialize<Money>("""{"amount":"1.50","currency":"EUR"}""", options));
    }

    public static TheoryData<string, string, string> BadEvents =>
        new()
        {
            // rule: unknown type, listing the known ones
            {
                """{"type":"StageMove","version":1}""",
                "$.type",
                "Unknown deal event type \"StageMove\"; the known ones are DealCreated, DealImported, StageMoved,"
            },
            { """{"version":1,"dealId":"D-1"}""", "$.type", "has no \"type\"" },
            { """{"type":7,"version":1}""", "$.type", "Expected the type name of a deal event" },
            // rule: unknown field (a misspelt one never drops a value)
            {
                Moved.Replace("\"dealId\"", "\"dealid\"", StringComparison.Ordinal),
                "$.dealid",
                "StageMoved has no field \"dealid\". Did you mean \"dealId\"?"
            },
            { Moved.Replace("}", ",\"note\":\"x\"}", StringComparison.Ordinal), "$.note", "StageMoved has no field \"note\"." },
            // rule: missing, empty or null required field
            {
                Moved.Replace(",\"by\":\"alice\"", "", StringComparison.Ordinal),
                "$.by",
                "The required field \"by\" of StageMoved is missing"
            },
            { Moved.Replace("\"alice\"", "\"\"", StringComparison.Ordinal), "$.by", "The text \"\" is blank" },
            { Moved.Replace("\"D-1\"", "\"\"", StringComparison.Ordinal), "$.dealId", "The deal id \"\" is blank" },
            { Moved.Replace("\"qualified\"", "null", StringComparison.Ordinal), "$.fromStageId", "is required and may not be null" },
            // rule: enums are names, never numbers or undefined names
            {
                Moved.Replace("\"Forward\"", "\"forward\"", StringComparison.Ordinal),
                "$.direction",
                "\"forward\" is not a MoveDirection; expected one of Forward, Backward"
            },
            {
                Moved.Replace("\"Forward\"", "0", StringComparison.Ordinal),
                "$.direction",
                "Expected the name of a MoveDirection (Forward, Backward), found the number 0"
            },
            // rule: malformed instants and numbers
            {
                Moved.Replace("2026-03-01T09:30:00Z", "2026-03-01T09:30:00+01:00", StringComparison.Ordinal),
                "$.at",
                "is not an instant; expected ISO-8601 in UTC"
            },
            {
                Moved.Replace("2026-03-01T09:30:00Z", "2026-02-30T09:30:00Z", StringComparison.Ordinal),
                "$.at",
                "\"2026-02-30T09:30:00Z\" is not an instant"
            },
            {
                Moved.Replace("\"stagesSkipped\":0", "\"stagesSkipped\":0.5", StringComparison.Ordinal),
                "$.stagesSkipped",
                "Expected a whole number"
            },
            // rule: versions
            {
                Moved.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal),
                "$.version",
                "StageMoved version 2 is newer than this package reads (up to version 1)"
            },
            { Moved.Replace("\"version\":1,", "", StringComparison.Ordinal), "$.version", "The StageMoved has no \"version\"" },
            {
                Moved.Replace("\"version\":1", "\"version\":0", StringComparison.Ordinal),
                "$.version",
                "Version 0 of StageMoved does not exist"
            },
            { Moved.Replace("\"version\":1", "\"version\":\"1\"", StringComparison.Ordinal), "$.version", "Expected the schema version" },
            // rule: each field once
            { Moved.Replace("\"by\":\"alice\"", "\"by\":\"alice\",\"by\":\"bob\"", StringComparison.Ordinal), "$.by", "given twice" },
            {
                Moved.Replace("\"type\":\"StageMoved\"", "\"type\":\"StageMoved\",\"type\":\"DealWon\"", StringComparison.Ordinal),
                "$.type",
                "given twice"
            },
            // rule: money inside an event
            {
                """{"type":"AmountChanged","version":1,"dealId":"D-1","at":"2026-03-01T09:30:00Z","by":"alice","amount":{"amount":"5","currency":"usd"}}""",
                "$.amount.currency",
                "Unknown currency \"usd\""
            },
        };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Bad_events_name_the_path_and_the_rule(string json, string path, string rule) =>
        JsonAssert.Fails<DealEvent>(json, path, rule);

    [Fact]
    public void The_path_of_a_bad_event_in_a_list_starts_at_its_index()
    {
        var bad = Moved.Replace("2026-03-01T09:30:00Z", "yesterday", StringComparison.Ordinal);
        var error = JsonAssert.Fails<List<DealEvent>>($"[{Moved},{Moved},{Moved},{bad}]", "$[3].at", "\"yesterday\" is not an instant");
        Assert.Equal("$[3]", error.Path);
    }

    [Fact]
    public void A_null_event_is_never_read_or_written()
    {
        JsonAssert.Fails<List<DealEvent>>($"[{Moved},null]", "$[1]", "Expected a DealEvent, found null.");
        JsonAssert.Fails<StageMoved>("null", "$", "Expected a StageMoved, found null.");
        JsonAssert.WriteFails(new DealEvent[] { MovedEvent, null! }, "$", "A null DealEvent is never written.");
    }

    [Fact]
    public void Reading_a_subtype_refuses_another_type()
    {
        var won = """{"type":"DealWon","version":1,"dealId":"D-1","at":"2026-03-01T09:30:00Z","by":"alice","stageId":"won"}""";
        JsonAssert.Fails<StageMoved>(won, "$.type", "Expected a StageMoved, found a DealWon");
        JsonAssert.Fails<DealEvent>("""{"type":"Payment","version":1}""", "$.type", "Unknown deal event type \"Payment\"");
    }

    [Fact]
    public void An_undefined_enum_value_or_a_null_required_field_is_never_written()
    {
        JsonAssert.WriteFails<DealEvent>(
            MovedEvent with
            {
                Direction = (MoveDirection)7,
            },
            "$.direction",
            "7 is not a defined MoveDirection"
        );
        JsonAssert.WriteFails<DealEvent>(MovedEvent with { By = null! }, "$.by", "The required field \"by\" is null");
        JsonAssert.WriteFails<DealEvent>(MovedEvent with { DealId = default }, "$.dealId", "The deal id is empty");
    }
}
