using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Leads;

namespace SalesPipeline.Csv.Tests.Kinds;

public class LeadCsvTests
{
    private const string Header =
        "lead_id,name,source,owner,created_at,status,first_touch_at,last_touch_at,closed_at,deal_id,disqualification_reason";
    private const string Good = "G1,Good,web,alice,2025-03-01T00:00:00Z,,,,,,";

    private static CsvReadResult<Lead> Read(string text, CsvReadOptions? options = null) =>
        LeadCsv.Read(CanonicalWriter.Utf8(text), options);

    // The header, a good row (line 2), the bad row (line 3), another good row (line 4): the bad row's only error.
    private static CsvRowError OnlyError(string bad, CsvReadOptions? options = null)
    {
        var result = Read($"{Header}\n{Good}\n{bad}\n{Good.Replace("G1", "G2", StringComparison.Ordinal)}\n", options);
        Assert.Equal(new CsvRowCounts(3, 2, 1), result.Rows);
        Assert.Equal(["G1", "G2"], result.Items.Select(l => l.Id.Value));
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_sample_reads_as_worked_out_by_hand()
    {
        var result = LeadCsv.ReadFile(SampleFiles.PathOf("Canonical/leads.csv"));

        Assert.Equal("leads: read 4, accepted 4, rejected 0", result.ToString());
        var (globex, initech, umbrella, hooli) = (result.Items[0], result.Items[1], result.Items[2], result.Items[3]);
        // L-1: status new as written, nothing after its creation.
        Assert.Equal(
            ("L-1", "Globex (Jane Roe)", "web", "alice", "core", LeadStatus.New),
            (globex.Id.Value, globex.Name, globex.Source.Code, globex.Owner, globex.ProductInterest, globex.Status)
        );
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 9, 0), globex.CreatedAt);
        Assert.Null(globex.FirstTouchAt);
        Assert.Single(globex.History);
        // L-2: created 10:00, first touched 12:15 the same day (a response time of 2 h 15 min), last touched 10 March.
        Assert.Equal(LeadStatus.Working, initech.Status);
        Assert.Equal(Duration.FromMinutes(135), initech.FirstTouchAt!.Value - initech.CreatedAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 10, 16, 0), initech.LastTouchAt);
        Assert.Equal(3, initech.History.Count);
        // L-3: "2025-03-05 08:00" has no offset, so UTC; its first touch 09:30+01:00 is 08:30Z; converted into D-7.
        Assert.Equal("Umbrella, Ltd.", umbrella.Name);
        Assert.Equal(Instant.FromUtc(2025, 3, 5, 8, 0), umbrella.CreatedAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 5, 8, 30), umbrella.FirstTouchAt);
        Assert.Equal((LeadStatus.Converted, "D-7"), (umbrella.Status, umbrella.DealId!.Value.Value));
        Assert.Equal(Instant.FromUtc(2025, 3, 20, 15, 0), umbrella.ClosedAt);
        Assert.Equal(umbrella.ClosedAt, umbrella.LastTouchAt);
        // L-4: no status, a reason: disqualified, touched and closed at the same instant.
        Assert.Equal((LeadStatus.Disqualified, "no budget"), (hooli.Status, hooli.DisqualificationReason));
        Assert.Equal(Instant.FromUtc(2025, 3, 7, 9, 0), hooli.ClosedAt);
        Assert.Equal(hooli.ClosedAt, hooli.FirstTouchAt);
        // The history is a lead's own: rebuilding from it gives the same lead.
        Assert.All(result.Items, lead => Assert.Equal(lead, Lead.FromEvents(lead.History)));
    }

    [Fact]
    public void A_second_row_with_an_id_already_read_is_rejected()
    {
        var error = OnlyError("G1,Again,web,bob,2025-03-02T00:00:00Z,,,,,,");

        Assert.Equal(new CsvRowError("leads", 3, "lead_id", "G1", "Lead ids are unique; leads line 2 has the same id."), error);
    }

    [Fact]
    public void An_owner_not_in_the_owners_map_is_reported_and_known_ones_are_mapped()
    {
        var options = new CsvReadOptions { Owners = new Dictionary<string, string> { ["alice"] = "u-1" } };
        var error = OnlyError("B,Bad,web,mallory,2025-03-01T00:00:00Z,,,,,,", options);

        Assert.Equal(new CsvRowError("leads", 3, "owner", "mallory", "The owner is not in CsvReadOptions.Owners."), error);
        Assert.Equal("u-1", Read($"{Header}\n{Good}\n", options).Items[0].Owner);
    }

    [Theory]
    [InlineData(
        "B,Bad,,alice,2025-03-01T00:00:00Z,,,,,,",
        "source",
        "",
        "Every lead has a source: the channel it came from, such as web or referral."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01,,,,,,",
        "created_at",
        "2025-03-01",
        "An instant is ISO 8601, such as 2025-03-13T13:36:13Z, 2025-03-13T14:36:13+01:00 or 2025-03-13 13:36 (in CsvReadOptions.Zone when it has no offset)."
    )]
    [InlineData(
        "B,Bad,web,alice,0000-12-31T00:00:00Z,,,,,,",
        "created_at",
        "0000-12-31T00:00:00Z",
        "An instant is from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,qualified,,,,,",
        "status",
        "qualified",
        "The status is new, working, converted or disqualified."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,converted,2025-03-02T00:00:00Z,,2025-03-03T00:00:00Z,,",
        "deal_id",
        "",
        "A converted lead names the deal it became."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,working,2025-03-02T00:00:00Z,,,D-1,",
        "deal_id",
        "D-1",
        "Only a converted lead names a deal."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,disqualified,,,2025-03-03T00:00:00Z,,",
        "disqualification_reason",
        "",
        "A disqualified lead has the reason it was disqualified."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,working,,,,,",
        "first_touch_at",
        "",
        "A working lead has been touched: it has the instant of its first touch."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,new,2025-03-02T00:00:00Z,,,,",
        "first_touch_at",
        "2025-03-02T00:00:00Z",
        "A new lead has not been touched yet."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,converted,,,,D-1,",
        "closed_at",
        "",
        "A converted or disqualified lead has the instant it was closed."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,,2025-03-02T00:00:00Z,,2025-03-03T00:00:00Z,,",
        "closed_at",
        "2025-03-03T00:00:00Z",
        "Only a converted or disqualified lead has a closing instant."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,,2025-02-28T00:00:00Z,,,,",
        "first_touch_at",
        "2025-02-28T00:00:00Z",
        "The first touch is not before the lead was created."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,,2025-03-05T00:00:00Z,2025-03-04T00:00:00Z,,,",
        "last_touch_at",
        "2025-03-04T00:00:00Z",
        "The last touch is not before the first touch."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,,,2025-03-04T00:00:00Z,,,",
        "last_touch_at",
        "2025-03-04T00:00:00Z",
        "A last touch needs the first touch (first_touch_at) too."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,new,,2025-03-04T00:00:00Z,,,",
        "last_touch_at",
        "2025-03-04T00:00:00Z",
        "A new lead has not been touched yet."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,,,,2025-02-01T00:00:00Z,,no budget",
        "closed_at",
        "2025-02-01T00:00:00Z",
        "A lead is closed at or after its creation."
    )]
    [InlineData(
        "B,Bad,web,alice,2025-03-01T00:00:00Z,,2025-03-05T00:00:00Z,,2025-03-04T00:00:00Z,,no budget",
        "closed_at",
        "2025-03-04T00:00:00Z",
        "A lead is closed at or after its last touch: a converted or disqualified lead is not touched again."
    )]
    public void Each_rule_is_reported_on_its_cell(string bad, string column, string value, string reason)
    {
        Assert.Equal(new CsvRowError("leads", 3, column, value, reason), OnlyError(bad));
    }

    [Fact]
    public void A_lead_converted_and_disqualified_at_once_is_refused_on_the_cell_that_contradicts_its_status()
    {
        // Without a status the deal id makes it converted; its reason then contradicts that.
        var error = OnlyError("B,Bad,web,alice,2025-03-01T00:00:00Z,,,,2025-03-02T00:00:00Z,D-1,no budget");

        Assert.Equal(
            new CsvRowError("leads", 3, "disqualification_reason", "no budget", "Only a disqualified lead has a disqualification reason."),
            error
        );
    }

    [Fact]
    public void A_row_with_several_bad_cells_has_one_error_per_cell_in_column_order()
    {
        var result = Read($"{Header}\n,Bad,web,,yesterday,,,,,,\n");

        Assert.Equal(new CsvRowCounts(1, 0, 1), result.Rows);
        Assert.Equal(["lead_id", "owner", "created_at"], result.Errors.Select(e => e.Column));
    }

    [Fact]
    public void A_mapped_header_is_read_and_named_in_errors()
    {
        var options = new CsvReadOptions
        {
            Columns = new Dictionary<string, string> { ["lead_id"] = "Lead ID", ["created_at"] = "Create Date" },
        };
        var result = Read(
            "Lead ID,name,source,owner,Create Date\nX-1,Ann,web,alice,2025-03-01T00:00:00Z\nX-2,Bo,web,alice,soon\n",
            options
        );

        Assert.Equal("X-1", Assert.Single(result.Items).Id.Value);
        Assert.Equal(
            new CsvRowError(
                "leads",
                3,
                "Create Date",
                "soon",
                "An instant is ISO 8601, such as 2025-03-13T13:36:13Z, 2025-03-13T14:36:13+01:00 or 2025-03-13 13:36 (in CsvReadOptions.Zone when it has no offset)."
            ),
            Assert.Single(result.Errors)
        );
    }

    [Fact]
    public void A_missing_required_column_ends_the_reading()
    {
        var e = Assert.Throws<CsvImportException>(() => Read("lead_id,name,owner,created_at\nL,N,alice,2025-03-01T00:00:00Z\n"));

        Assert.Equal(
            new CsvRowError(
                "leads",
                1,
                "source",
                null,
                "The leads file's header has no column \"source\", which is required; its columns are lead_id, name, owner, created_at."
            ),
            Assert.Single(e.Errors)
        );
    }

    [Fact]
    public void Stop_at_first_error_throws_the_first_error()
    {
        var e = Assert.Throws<CsvImportException>(() =>
            Read(
                $"{Header}\n{Good}\nB,Bad,,alice,2025-03-01T00:00:00Z,,,,,,\nC,Bad,,alice,x,,,,,,\n",
                new CsvReadOptions { StopAtFirstError = true }
            )
        );

        Assert.Equal((3L, "source"), (Assert.Single(e.Errors).Line, e.Errors[0].Column));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => LeadCsv.Read(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => LeadCsv.ReadFile(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => LeadCsv.ReadFile("")).ParamName);
    }

    [Fact]
    public void Get_items_or_throw_lists_every_error()
    {
        var result = Read($"{Header}\n{Good}\nG1,Again,web,bob,2025-03-02T00:00:00Z,,,,,,\n");

        Assert.False(result.IsComplete);
        Assert.Single(Assert.Throws<CsvImportException>(result.GetItemsOrThrow).Errors);
        Assert.Equal(
            "leads: read 2, accepted 1, rejected 1\nleads line 3, lead_id = \"G1\": Lead ids are unique; leads line 2 has the same id.",
            result.ToString()
        );
    }
}
