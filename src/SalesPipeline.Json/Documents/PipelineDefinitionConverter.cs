using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Documents;

// A pipeline definition as a document an admin can keep in configuration (docs/json.md, "Documents"). Reading goes
// through PipelineBuilder, so every rule of the library applies; a builder problem is reported at the field it is about.
internal sealed class PipelineDefinitionConverter : JsonConverter<PipelineDefinition>
{
    public const string TypeName = "PipelineDefinition";
    public const int Version = 1;

    private static readonly string[] RootFields = [DocumentHeader.TypeField, DocumentHeader.VersionField, "name", "policies", "stages"];
    private static readonly string[] PolicyFields = ["allowSkipping", "allowReopen", "requireExitCriteriaToWin"];
    private static readonly string[] StageFields = ["id", "name", "kind", "probability", "category", "exitCriteria", "rottingAfter"];
    private static readonly string[] OpenOnlyFields = ["probability", "category", "exitCriteria", "rottingAfter"];
    private static readonly string[] CriterionFields = ["id", "question"];

    public override void Write(Utf8JsonWriter writer, PipelineDefinition value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        DocumentHeader.Write(writer, TypeName, Version);
        writer.WriteString("name", value.Name);
        writer.WriteStartObject("policies");
        writer.WriteBoolean("allowSkipping", value.Policies.AllowSkipping);
        writer.WriteBoolean("allowReopen", value.Policies.AllowReopen);
        writer.WriteBoolean("requireExitCriteriaToWin", value.Policies.RequireExitCriteriaToWin);
        writer.WriteEndObject();
        writer.WriteStartArray("stages");
        foreach (var stage in value.Stages)
        {
            writer.WriteStartObject();
            writer.WriteString("id", stage.Id);
            writer.WriteString("name", stage.Name);
            writer.WriteString("kind", stage.Kind.ToString());
            if (stage.IsOpen)
            {
                writer.WriteNumber("probability", stage.Probability);
                writer.WriteString("category", stage.Category.ToString());
                writer.WriteStartArray("exitCriteria");
                foreach (var criterion in stage.ExitCriteria)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", criterion.Id);
                    writer.WriteString("question", criterion.Question);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WritePropertyName("rottingAfter");
                DocumentValues.WriteNullable(writer, stage.RottingAfter, options);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override PipelineDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = DocumentFields.Open(document.RootElement, "$", RootFields);
        DocumentHeader.Check(root, TypeName, Version);
        var name = root.String("name");
        var policyFields = DocumentFields.Open(root.Required("policies"), root.PathOf("policies"), PolicyFields);
        var policies = new PipelinePolicies(
            policyFields.Boolean("allowSkipping"),
            policyFields.Boolean("allowReopen"),
            policyFields.Boolean("requireExitCriteriaToWin")
        );

        var specs = new List<StageSpec>();
        foreach (var (item, path) in root.Array("stages"))
        {
            specs.Add(ReadStage(item, path, specs, options));
        }

        var builder = PipelineDefinition.CreateBuilder(name).WithPolicies(policies);
        foreach (var spec in specs)
        {
            _ = spec.Kind switch
            {
                StageKind.Won => builder.Won(spec.Name, spec.Id),
                StageKind.Lost => builder.Lost(spec.Name, spec.Id),
                _ => builder.Stage(spec.Name, spec.Probability, spec.Category, spec.ExitCriteria, spec.Id, spec.RottingAfter),
            };
        }
        try
        {
            return builder.Build();
        }
        catch (PipelineDefinitionException e)
        {
            var path = PipelineProblemPaths.Locate(e.Problems[0], specs);
            throw DocumentErrors.At(path, BuilderErrors.Describe(e.Problems), e);
        }
    }

    private static StageSpec ReadStage(JsonElement item, string path, List<StageSpec> before, JsonSerializerOptions options)
    {
        var fields = DocumentFields.Open(item, path, StageFields);
        var id = fields.String("id");
        var name = fields.String("name");
        var kind = fields.Enum<StageKind>("kind");
        if (kind != StageKind.Open)
        {
            foreach (var openOnly in OpenOnlyFields.Where(f => item.TryGetProperty(f, out _)))
            {
                throw DocumentErrors.At(
                    fields.PathOf(openOnly),
                    $"a {kind} stage has no \"{openOnly}\" field: its probability ({(kind == StageKind.Won ? "1" : "0")}) and category ({(kind == StageKind.Won ? "Closed" : "Omitted")}) are fixed, and it has no exit criteria or rotting threshold."
                );
            }
            return new StageSpec(path, id, name, kind, 0m, ForecastCategory.Omitted, [], null);
        }
        if (before.Any(s => s.Kind != StageKind.Open))
        {
            throw DocumentErrors.At(
                fields.PathOf("kind"),
                "an Open stage comes after the Won or Lost stage; list the open stages in order first, then Won, then Lost."
            );
        }
        var criteria = new List<ExitCriterion>();
        foreach (var (criterionItem, criterionPath) in fields.Array("exitCriteria"))
        {
            var criterion = DocumentFields.Open(criterionItem, criterionPath, CriterionFields);
            var criterionId = criterion.String("id");
            var question = criterion.String("question");
            try
            {
                criteria.Add(new ExitCriterion(criterionId, question));
            }
            catch (ArgumentException e)
            {
                // ExitCriterion checks its own fields at once (a blank id or question); its parameter names the field.
                throw DocumentErrors.At(criterion.PathOf(e.ParamName ?? "id"), e.Message, e);
            }
        }
        return new StageSpec(
            path,
            id,
            name,
            kind,
            fields.Decimal("probability"),
            fields.Enum<ForecastCategory>("category"),
            criteria,
            fields.NullableValue<Duration>("rottingAfter", options)
        );
    }
}

// One stage as read, with the path it was read from, so that a builder problem can be reported where it belongs.
internal sealed record StageSpec(
    string Path,
    string Id,
    string Name,
    StageKind Kind,
    decimal Probability,
    ForecastCategory Category,
    IReadOnlyList<ExitCriterion> ExitCriteria,
    Duration? RottingAfter
);
