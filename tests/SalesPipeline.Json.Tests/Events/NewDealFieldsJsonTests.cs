using System.Text.Json;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Json;
using SalesPipeline.Leads;

namespace SalesPipeline.Json.Tests.Events;

// What issue 13 added to the wire format (customers, stops, pools, comments, causes): documents written before it read
// exactly as they did, the new fields are optional, and bad values are refused with the path and the rule.
public class NewDealFieldsJsonTests
{
    private const string Head = "\"dealId\":\"D-1\",\"at\":\"2026-03-01T09:30:00Z\",\"by\":\"alice\"";

    // A DealCreated exactly as the package wrote it before issue 13: an owner, no team, customer or cause.
    private const string OldCreated =
        "{\"type\":\"DealCreated\",\"version\":1,"
        + Head
        + ",\"pipeline\":\"Default\",\"name\":\"Acme\",\"owner\":\"alice\",\"amount\":{\"amount\":\"100.00\",\"currency\":\"USD\"},\"expectedClose\":\"2026-06-30\",\"stageId\":\"prospecting\"}";

    private static readonly Instant T = Instant.FromUtc(2026, 3, 1, 9, 30);
    private static readonly DealId D = new("D-1");

    [Fact]
    public void A_document_written_before_issue_13_reads_as_before()
    {
        var e = Assert.IsType<DealCreated>(JsonSerializer.Deserialize<DealEvent>(OldCreated, SalesPipelineJson.Options));
        Assert.Equal(("alice", (string?)null, (Customer?)null, (string?)null), (e.Owner, e.Team, e.Customer, e.Cause));
        // And the package writes it back byte for byte: nothing new appears for the fields it lacks.
        Assert.Equal(OldCreated, JsonSerializer.Serialize<DealEvent>(e, SalesPipelineJson.Options));

        var lead =
            """{"type":"LeadCreated","version":1,"leadId":"L-1","at":"2026-03-01T09:30:00Z","by":"web","name":"Jane","source":"web","owner":"alice"}""";
        var l = Assert.IsType<LeadCreated>(JsonSerializer.Deserialize<LeadEvent>(lead, SalesPipelineJson.Options));
        Assert.Equal(("alice", (string?)null), (l.Owner, l.Team));
        Assert.Equal(lead, JsonSerializer.Serialize<LeadEvent>(l, SalesPipelineJson.Options));
    }

    [Fact]
    public void A_pooled_creation_has_no_owner_and_names_its_team_or_none_for_the_company_pool()
    {
        var company = OldCreated.Replace(",\"owner\":\"alice\"", "", StringComparison.Ordinal);
        var e = Assert.IsType<DealCreated>(JsonSerializer.Deserialize<DealEvent>(company, SalesPipelineJson.Options));
        Assert.Equal(((string?)null, (string?)null), (e.Owner, e.Team));
        var written = JsonSerializer.Serialize<DealEvent>(e with { Team = "emea" }, SalesPipelineJson.Options);
        Assert.EndsWith(",\"stageId\":\"prospecting\",\"team\":\"emea\"}", written, StringComparison.Ordinal);
        Assert.Equal(e with { Team = "emea" }, JsonSerializer.Deserialize<DealEvent>(written, SalesPipelineJson.Options));
    }

    [Fact]
    public void The_cause_is_the_last_field_of_every_deal_event_and_reads_back()
    {
        var won = new DealWon(D, T, "alice", "won") { Cause = "quote Q-17 v2" };
        var json = JsonAssert.RoundTrip<DealEvent>(
            won,
            "{\"type\":\"DealWon\",\"version\":1," + Head + ",\"stageId\":\"won\",\"cause\":\"quote Q-17 v2\"}"
        );
        Assert.Equal(won, json);
        Assert.Equal("quote Q-17 v2", json.Cause);
        // Equality includes the cause, so a reader that dropped it would fail the line above.
        Assert.NotEqual(won, won with { Cause = null });
    }

    [Fact]
    public void Customer_stop_pool_and_comment_events_are_written_as_documented()
    {
        JsonAssert.RoundTrip<DealEvent>(
            new CustomerChanged(D, T, "alice", new Customer("ACC-1", " Acme ")),
            "{\"type\":\"CustomerChanged\",\"version\":1," + Head + ",\"customer\":{\"accountId\":\"ACC-1\",\"name\":\" Acme \"}}"
        );
        JsonAssert.RoundTrip<DealEvent>(
            new DealStopped(D, T, "alice", StopReason.OnHold),
            "{\"type\":\"DealStopped\",\"version\":1," + Head + ",\"reason\":\"on-hold\"}"
        );
        JsonAssert.RoundTrip<DealEvent>(
            new DealAssignedToPool(D, T, "alice", null),
            "{\"type\":\"DealAssignedToPool\",\"version\":1," + Head + "}"
        );
        JsonAssert.RoundTrip<DealEvent>(
            new CommentAdded(D, T, "alice", "Line 1\nLine \"2\""),
            "{\"type\":\"CommentAdded\",\"version\":1," + Head + ",\"text\":\"Line 1\\nLine \\u00222\\u0022\"}"
        );
        JsonAssert.RoundTrip<LeadEvent>(
            new LeadAssignedToPool(new LeadId("L-1"), T, "alice", "emea"),
            "{\"type\":\"LeadAssignedToPool\",\"version\":1,\"leadId\":\"L-1\",\"at\":\"2026-03-01T09:30:00Z\",\"by\":\"alice\",\"teamId\":\"emea\"}"
        );
    }

    private const string Stopped = "{\"type\":\"DealStopped\",\"version\":1," + Head + ",\"reason\":\"on-hold\"}";
    private const string Changed =
        "{\"type\":\"CustomerChanged\",\"version\":1," + Head + ",\"customer\":{\"accountId\":\"ACC-1\",\"name\":\"Acme\"}}";

    public static TheoryData<string, string, string> BadEvents =>
        new()
        {
            // rule: a cause, when given, is a text that is not blank
            { Stopped.Replace("}", ",\"cause\":\" \"}", StringComparison.Ordinal), "$.cause", "The text \" \" is blank" },
            { Stopped.Replace("}", ",\"cause\":7}", StringComparison.Ordinal), "$.cause", "Expected a string" },
            // rule: a stop needs a reason that is not blank
            {
                Stopped.Replace(",\"reason\":\"on-hold\"", "", StringComparison.Ordinal),
                "$.reason",
                "The required field \"reason\" of DealStopped is missing"
            },
            { Stopped.Replace("\"on-hold\"", "\"\"", StringComparison.Ordinal), "$.reason", "The stop reason \"\" is blank" },
            { Stopped.Replace("\"on-hold\"", "null", StringComparison.Ordinal), "$.reason", "is required and may not be null" },
            // rule: a customer is an object with both parts, not blank, and no other field
            {
                Changed.Replace(",\"name\":\"Acme\"", "", StringComparison.Ordinal),
                "$.customer.name",
                "The required field \"name\" of Customer is missing"
            },
            { Changed.Replace("\"ACC-1\"", "\"  \"", StringComparison.Ordinal), "$.customer.accountId", "The text \"  \" is blank" },
            {
                Changed.Replace("\"Acme\"", "\"Acme\",\"city\":\"Oslo\"", StringComparison.Ordinal),
                "$.customer.city",
                "Customer has no field \"city\""
            },
            {
                Changed.Replace("{\"accountId\":\"ACC-1\",\"name\":\"Acme\"}", "\"ACC-1\"", StringComparison.Ordinal),
                "$.customer",
                "Expected a Customer (a JSON object)"
            },
            { Changed.Replace("\"customer\"", "\"Customer\"", StringComparison.Ordinal), "$.Customer", "Did you mean \"customer\"?" },
            // rule: comments, resumes and pools name what they need
            { "{\"type\":\"CommentAdded\",\"version\":1," + Head + ",\"text\":\"\"}", "$.text", "The text \"\" is blank" },
            {
                "{\"type\":\"DealResumed\",\"version\":1," + Head + "}",
                "$.stageId",
                "The required field \"stageId\" of DealResumed is missing"
            },
            { "{\"type\":\"DealAssignedToPool\",\"version\":1," + Head + ",\"teamId\":\"\"}", "$.teamId", "The text \"\" is blank" },
            // rule: the new types are at version 1
            { Stopped.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal), "$.version", "DealStopped version 2 is newer" },
        };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Bad_new_events_name_the_path_and_the_rule(string json, string path, string rule) =>
        JsonAssert.Fails<DealEvent>(json, path, rule);
}
