using System.Text.Json;
using SalesPipeline.Json.Wire;

namespace SalesPipeline.Json.Tests.Events;

// The upcasting mechanism of docs/json.md on a made-up type, since every real type is still at version 1: version 2 of
// "Visit" added a required "region"; a version-1 visit was always in EMEA, so the reader supplies that.
public class UpcastingTests
{
    private sealed record Visit(string Customer, string Region);

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters =
        {
            new CodecConverter<Visit>(
                ShapeCodec<Visit>.Types(
                    "visit",
                    Shape.Of(
                        "Visit",
                        2,
                        v => new Visit(v.Get<string>("customer"), v.Version >= 2 ? v.Get<string>("region") : "EMEA"),
                        Field.Required<Visit, string>("customer", TextCodec.Instance, x => x.Customer),
                        Field.Required<Visit, string>("region", TextCodec.Instance, x => x.Region, since: 2)
                    )
                )
            ),
        },
    };

    [Fact]
    public void An_old_version_is_read_with_the_default_it_implies_and_written_at_the_newest_version()
    {
        var old = JsonSerializer.Deserialize<Visit>("""{"type":"Visit","version":1,"customer":"Globex"}""", Options);
        Assert.Equal(new Visit("Globex", "EMEA"), old);
        Assert.Equal("""{"type":"Visit","version":2,"customer":"Globex","region":"EMEA"}""", JsonSerializer.Serialize(old, Options));
        Assert.Equal(
            new Visit("Initech", "APAC"),
            JsonSerializer.Deserialize<Visit>("""{"type":"Visit","version":2,"customer":"Initech","region":"APAC"}""", Options)
        );
    }

    [Fact]
    public void The_new_required_field_is_required_from_its_version_on()
    {
        JsonAssert.Fails<Visit>(
            """{"type":"Visit","version":2,"customer":"Globex"}""",
            "$.region",
            "\"region\" of Visit is missing",
            Options
        );
        JsonAssert.Fails<Visit>(
            """{"type":"Visit","version":3,"customer":"Globex"}""",
            "$.version",
            "Visit version 3 is newer than this package reads (up to version 2)",
            Options
        );
    }
}
