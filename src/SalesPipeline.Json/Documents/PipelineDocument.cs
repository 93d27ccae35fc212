using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Documents;

// A pipeline definition as a document an admin can keep in configuration (docs/json.md, "Documents"). The document is
// read field by field like an event (unknown, missing and repeated fields are errors), then built by PipelineBuilder, so
// every rule of the library applies; a builder problem is reported at the field it is about.
internal sealed class PipelineDocument : Codec<PipelineDefinition>
{
    public static readonly PipelineDocument Instance = new();

    private static readonly ShapeCodec<ExitCriterion> Criterion = ShapeCodec<ExitCriterion>.Single(
        Shape.Of(
            "ExitCriterion",
            1,
            v => new ExitCriterion(v.Get<string>("id"), v.Get<string>("question")),
            Field.Required<ExitCriterion, string>("id", TextCodec.Instance, c => c.Id),
            Field.Required<ExitCriterion, string>("question", TextCodec.Instance, c => c.Question)
        )
    );

    private static readonly ShapeCodec<PipelinePolicies> Policies = ShapeCodec<PipelinePolicies>.Single(
        Shape.Of(
            "PipelinePolicies",
            1,
            v => new PipelinePolicies(v.Get<bool>("allowSkipping"), v.Get<bool>("allowReopen"), v.Get<bool>("requireExitCriteriaToWin")),
            Field.Required<PipelinePolicies, bool>("allowSkipping", BoolCodec.Instance, p => p.AllowSkipping),
            Field.Required<PipelinePolicies, bool>("allowReopen", BoolCodec.Instance, p => p.AllowReopen),
            Field.Required<PipelinePolicies, bool>("requireExitCriteriaToWin", BoolCodec.Instance, p => p.RequireExitCriteriaToWin)
        )
    );

    // Open stages carry their probability, category, criteria and rotting threshold; Won and Lost only their id and
    // name (probability 1 and Closed, 0 and Omitted, fixed by the library).
    private static readonly ShapeCodec<StageSpec> Stage = ShapeCodec<StageSpec>.Kinds(
        "stage",
        s => s.Kind.ToString(),
        Shape.Of(
            nameof(StageKind.Open),
            1,
            v => new StageSpec(
                v.Get<string>("id"),
                v.Get<string>("name"),
                StageKind.Open,
                v.Get<decimal>("probability"),
                v.Get<ForecastCategory>("category"),
                v.Get<IReadOnlyList<ExitCriterion>>("exitCriteria"),
                v.OptionalValue<Duration>("rottingAfter")
            ),
            Field.Required<StageSpec, string>("id", TextCodec.Instance, s => s.Id),
            Field.Required<StageSpec, string>("name", TextCodec.Instance, s => s.Name),
            Field.Required<StageSpec, decimal>("probability", DecimalCodec.Instance, s => s.Probability),
            Field.Required<StageSpec, ForecastCategory>("category", EnumCodec<ForecastCategory>.Instance, s => s.Category),
            Field.Required<StageSpec, IReadOnlyList<ExitCriterion>>(
                "exitCriteria",
                new ListCodec<ExitCriterion>(Criterion),
                s => s.ExitCriteria
            ),
            Field.OptionalValue<StageSpec, Duration>("rottingAfter", ValueCodecs.Duration, s => s.RottingAfter)
        ),
        Terminal(StageKind.Won),
        Terminal(StageKind.Lost)
    );

    // Either move may be absent; the builder checks that the ids name stages of the pipeline.
    private static readonly ShapeCodec<QuoteStageMoves> QuoteMoves = ShapeCodec<QuoteStageMoves>.Single(
        Shape.Of(
            nameof(QuoteStageMoves),
            1,
            v => new QuoteStageMoves(v.Optional<string>("onSent"), v.Optional<string>("onAccepted")),
            Field.Optional<QuoteStageMoves, string>("onSent", TextCodec.Instance, q => q.OnSent),
            Field.Optional<QuoteStageMoves, string>("onAccepted", TextCodec.Instance, q => q.OnAccepted)
        )
    );

    // quoteStages is optional and omitted when quotes drive no moves, so a document written before it existed reads,
    // and is written again, exactly as it was (still version 1: docs/json.md, "Versioning and upcasting").
    private static readonly ShapeCodec<Content> Document = ShapeCodec<Content>.Types(
        "document",
        Shape.Of(
            "PipelineDefinition",
            1,
            v => new Content(
                v.Get<string>("name"),
                v.Get<PipelinePolicies>("policies"),
                v.Get<IReadOnlyList<StageSpec>>("stages"),
                v.Optional<QuoteStageMoves>("quoteStages")
            ),
            Field.Required<Content, string>("name", TextCodec.Instance, d => d.Name),
            Field.Required<Content, PipelinePolicies>("policies", Policies, d => d.Policies),
            Field.Required<Content, IReadOnlyList<StageSpec>>("stages", new ListCodec<StageSpec>(Stage), d => d.Stages),
            Field.Optional<Content, QuoteStageMoves>("quoteStages", QuoteMoves, d => d.QuoteStages)
        )
    );

    public override string JsonType => "object (pipeline definition document)";

    public override void Write(Utf8JsonWriter writer, PipelineDefinition value, string path) =>
        Document.Write(
            writer,
            new Content(
                value.Name,
                value.Policies,
                [
                    .. value.Stages.Select(s => new StageSpec(
                        s.Id,
                        s.Name,
                        s.Kind,
                        s.Probability,
                        s.Category,
                        s.ExitCriteria,
                        s.RottingAfter
                    )),
                ],
                value.QuoteStages == QuoteStageMoves.None ? null : value.QuoteStages
            ),
            path
        );

    public override PipelineDefinition Read(ref Utf8JsonReader reader, string path)
    {
        var document = Document.Read(ref reader, path);
        var stages = document.Stages;
        // The array's order is the pipeline's: open stages first, then Won and Lost. An open stage after a terminal one
        // would be moved by the builder, so it is refused rather than reordered in silence.
        var firstTerminal = stages.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Kind != StageKind.Open, (null!, -1)).Item2;
        if (firstTerminal >= 0 && stages.Skip(firstTerminal).Any(s => s.Kind == StageKind.Open))
        {
            var at = stages.Select((s, i) => (s, i)).First(x => x.i > firstTerminal && x.s.Kind == StageKind.Open).i;
            throw Fail.At(
                $"{path}.stages[{at.ToString(CultureInfo.InvariantCulture)}].kind",
                "An Open stage comes after the Won or Lost stage; list the open stages in order first, then Won, then Lost."
            );
        }
        var builder = PipelineDefinition.CreateBuilder(document.Name).WithPolicies(document.Policies);
        if (document.QuoteStages is { } moves)
        {
            // An empty object would read as "no moves" and be written back without the field: refused, so that the
            // document says what it means and a round trip keeps its text.
            if (moves == QuoteStageMoves.None)
            {
                throw Fail.At(
                    path + ".quoteStages",
                    "quoteStages names neither onSent nor onAccepted; name at least one stage id, or omit quoteStages when quotes move no deal."
                );
            }
            builder.QuoteStages(moves.OnSent, moves.OnAccepted);
        }
        foreach (var stage in stages)
        {
            _ = stage.Kind switch
            {
                StageKind.Won => builder.Won(stage.Name, stage.Id),
                StageKind.Lost => builder.Lost(stage.Name, stage.Id),
                _ => builder.Stage(stage.Name, stage.Probability, stage.Category, stage.ExitCriteria, stage.Id, stage.RottingAfter),
            };
        }
        try
        {
            return builder.Build();
        }
        catch (PipelineDefinitionException e)
        {
            throw Fail.At(path + PipelineProblemPaths.Locate(e.Problems[0], stages), BuilderErrors.Describe(e.Problems), e);
        }
    }

    private static Shape Terminal(StageKind kind) =>
        Shape.Of(
            kind.ToString(),
            1,
            v => new StageSpec(
                v.Get<string>("id"),
                v.Get<string>("name"),
                kind,
                kind == StageKind.Won ? 1m : 0m,
                kind == StageKind.Won ? ForecastCategory.Closed : ForecastCategory.Omitted,
                [],
                null
            ),
            Field.Required<StageSpec, string>("id", TextCodec.Instance, s => s.Id),
            Field.Required<StageSpec, string>("name", TextCodec.Instance, s => s.Name)
        );

    private sealed record Content(string Name, PipelinePolicies Policies, IReadOnlyList<StageSpec> Stages, QuoteStageMoves? QuoteStages);
}

// One stage as read (or as written), before the builder has checked it.
internal sealed record StageSpec(
    string Id,
    string Name,
    StageKind Kind,
    decimal Probability,
    ForecastCategory Category,
    IReadOnlyList<ExitCriterion> ExitCriteria,
    Duration? RottingAfter
);
