using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using SalesPipeline.Organization;

namespace SalesPipeline.Json.Documents;

// A sales organization as a document an admin can keep in configuration (docs/json.md, "Documents"): the company, its
// teams (with parent and lead) and its people (with team and admin flag). Who sees what is not stored: it follows from
// the leads and the admin flags, and is computed again by SalesOrgBuilder when the document is read.
internal sealed class SalesOrgConverter : JsonConverter<SalesOrg>
{
    public const string TypeName = "SalesOrg";
    public const int Version = 1;

    private static readonly string[] RootFields = [DocumentHeader.TypeField, DocumentHeader.VersionField, "company", "teams", "people"];
    private static readonly string[] TeamFields = ["id", "name", "parent", "lead"];
    private static readonly string[] PersonFields = ["id", "name", "team", "admin"];

    public override void Write(Utf8JsonWriter writer, SalesOrg value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        DocumentHeader.Write(writer, TypeName, Version);
        writer.WriteString("company", value.Company);
        writer.WriteStartArray("teams");
        foreach (var team in value.Teams)
        {
            writer.WriteStartObject();
            writer.WriteString("id", team.Id);
            writer.WriteString("name", team.Name);
            writer.WriteString("parent", team.ParentId);
            writer.WriteString("lead", team.LeadId);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("people");
        foreach (var person in value.People)
        {
            writer.WriteStartObject();
            writer.WriteString("id", person.Id);
            writer.WriteString("name", person.Name);
            writer.WriteString("team", person.TeamId);
            writer.WriteBoolean("admin", person.IsAdmin);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override SalesOrg Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = DocumentFields.Open(document.RootElement, "$", RootFields);
        DocumentHeader.Check(root, TypeName, Version);
        var builder = SalesOrg.CreateBuilder(root.String("company"));
        var teams = new List<(Team Team, string Path)>();
        foreach (var (item, path) in root.Array("teams"))
        {
            var fields = DocumentFields.Open(item, path, TeamFields);
            var team = new Team(fields.String("id"), fields.String("name"), fields.NullableString("parent"), fields.NullableString("lead"));
            builder.Team(team.Id, team.Name, team.ParentId, team.LeadId);
            teams.Add((team, path));
        }
        var people = new List<(SalesPerson Person, string Path)>();
        foreach (var (item, path) in root.Array("people"))
        {
            var fields = DocumentFields.Open(item, path, PersonFields);
            var person = new SalesPerson(
                fields.String("id"),
                fields.String("name"),
                fields.NullableString("team"),
                fields.Boolean("admin")
            );
            // A rep without a team is passed on as it is: the builder reports it together with every other problem.
            _ = person.IsAdmin ? builder.Admin(person.Id, person.Name, person.TeamId) : builder.Rep(person.Id, person.Name, person.TeamId!);
            people.Add((person, path));
        }
        try
        {
            return builder.Build();
        }
        catch (SalesOrgDefinitionException e)
        {
            throw DocumentErrors.At(SalesOrgProblemPaths.Locate(e.Problems[0], teams, people), BuilderErrors.Describe(e.Problems), e);
        }
    }
}
