using System.Collections.Generic;
using System.Text.Json;
using SalesPipeline.Json.Wire;
using SalesPipeline.Organization;

namespace SalesPipeline.Json.Documents;

// A sales organization as a document an admin can keep in configuration (docs/json.md, "Documents"): the company, its
// teams (with parent and lead) and its people (with team and admin flag). Who sees what is not stored: it follows from
// the leads and the admin flags, and SalesOrgBuilder computes it again when the document is read.
internal sealed class SalesOrgDocument : Codec<SalesOrg>
{
    public static readonly SalesOrgDocument Instance = new();

    private static readonly ShapeCodec<Team> TeamCodec = ShapeCodec<Team>.Single(
        Shape.Of(
            "Team",
            1,
            v => new Team(v.Get<string>("id"), v.Get<string>("name"), v.Optional<string>("parent"), v.Optional<string>("lead")),
            Field.Required<Team, string>("id", TextCodec.Instance, t => t.Id),
            Field.Required<Team, string>("name", TextCodec.Instance, t => t.Name),
            Field.Optional<Team, string>("parent", TextCodec.Instance, t => t.ParentId),
            Field.Optional<Team, string>("lead", TextCodec.Instance, t => t.LeadId)
        )
    );

    private static readonly ShapeCodec<SalesPerson> PersonCodec = ShapeCodec<SalesPerson>.Single(
        Shape.Of(
            "SalesPerson",
            1,
            v => new SalesPerson(v.Get<string>("id"), v.Get<string>("name"), v.Optional<string>("team"), v.Get<bool>("admin")),
            Field.Required<SalesPerson, string>("id", TextCodec.Instance, p => p.Id),
            Field.Required<SalesPerson, string>("name", TextCodec.Instance, p => p.Name),
            Field.Optional<SalesPerson, string>("team", TextCodec.Instance, p => p.TeamId),
            Field.Required<SalesPerson, bool>("admin", BoolCodec.Instance, p => p.IsAdmin)
        )
    );

    private static readonly ShapeCodec<Content> Document = ShapeCodec<Content>.Types(
        "document",
        Shape.Of(
            "SalesOrg",
            1,
            v => new Content(v.Get<string>("company"), v.Get<IReadOnlyList<Team>>("teams"), v.Get<IReadOnlyList<SalesPerson>>("people")),
            Field.Required<Content, string>("company", TextCodec.Instance, d => d.Company),
            Field.Required<Content, IReadOnlyList<Team>>("teams", new ListCodec<Team>(TeamCodec), d => d.Teams),
            Field.Required<Content, IReadOnlyList<SalesPerson>>("people", new ListCodec<SalesPerson>(PersonCodec), d => d.People)
        )
    );

    public override string JsonType => "object (sales organization document)";

    public override void Write(Utf8JsonWriter writer, SalesOrg value, string path) =>
        Document.Write(writer, new Content(value.Company, value.Teams, value.People), path);

    public override SalesOrg Read(ref Utf8JsonReader reader, string path)
    {
        var document = Document.Read(ref reader, path);
        var builder = SalesOrg.CreateBuilder(document.Company);
        foreach (var team in document.Teams)
        {
            builder.Team(team.Id, team.Name, team.ParentId, team.LeadId);
        }
        foreach (var person in document.People)
        {
            // A rep without a team is passed on as it is: the builder reports it together with every other problem.
            _ = person.IsAdmin ? builder.Admin(person.Id, person.Name, person.TeamId) : builder.Rep(person.Id, person.Name, person.TeamId!);
        }
        try
        {
            return builder.Build();
        }
        catch (SalesOrgDefinitionException e)
        {
            throw Fail.At(
                path + SalesOrgProblemPaths.Locate(e.Problems[0], document.Teams, document.People),
                BuilderErrors.Describe(e.Problems),
                e
            );
        }
    }

    private sealed record Content(string Company, IReadOnlyList<Team> Teams, IReadOnlyList<SalesPerson> People);
}
