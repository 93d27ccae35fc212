using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Pipelines;

// Tests for PipelineDefinition.ToMermaid and ToDot (PipelineDefinition.Graph.cs). The expected texts were written by
// hand from the XML docs: one state/node per stage with probability and category, forward edges labelled with the
// exit criteria of the stage left (plus jumps and wins from any stage when the policies allow them), "back" edges from
// each open stage to every earlier one, an edge from every open stage to Lost, and the policies as a note/label.
public sealed class PipelineDefinitionGraphTests
{
    // Raw string literals drop the final newline; the renderers end every line, the last one too, with "\n".
    private static string Lines(string text) => text.ReplaceLineEndings("\n") + "\n";

    private static PipelineDefinition InsideSales(bool allowReopen = true) =>
        PipelineDefinition
            .CreateBuilder("Inside Sales")
            .Stage("Call", 0.125m, exitCriteria: ["reached"])
            .Stage("Demo Done", 0.60m, ForecastCategory.Commit, exitCriteria: ["decision-maker", "budget"])
            .Won("Closed Won")
            .Lost("Closed Lost")
            .AllowSkipping()
            .AllowReopen(allowReopen)
            .RequireExitCriteriaToWin(false)
            .Build();

    [Fact]
    public void ToMermaid_Default_IsTheExpectedStateDiagram()
    {
        var expected = Lines(
            """
            stateDiagram-v2
                direction LR
                state "Prospecting (10%, Pipeline)" as prospecting
                state "Qualified (20%, Pipeline)" as qualified
                state "Proposal (50%, BestCase)" as proposal
                state "Negotiation (80%, Commit)" as negotiation
                state "Won (100%, Closed)" as won
                state "Lost (0%, Omitted)" as lost
                [*] --> prospecting
                prospecting --> qualified
                qualified --> proposal : use-case, technical-fit, budget
                proposal --> negotiation
                negotiation --> won
                qualified --> prospecting : back
                proposal --> prospecting : back
                proposal --> qualified : back
                negotiation --> prospecting : back
                negotiation --> qualified : back
                negotiation --> proposal : back
                prospecting --> lost : lose (reason)
                qualified --> lost : lose (reason)
                proposal --> lost : lose (reason)
                negotiation --> lost : lose (reason)
                won --> [*]
                lost --> [*]
                note right of prospecting
                    backward moves allowed
                    skipping needs the skipped stages' criteria
                    won and lost deals may be reopened
                    winning needs exit criteria
                end note
            """
        );

        Assert.Equal(expected, PipelineDefinition.Default.ToMermaid());
    }

    [Fact]
    public void ToDot_Default_IsTheExpectedDigraph()
    {
        var expected = Lines(
            """
            digraph "Default" {
                rankdir=LR;
                label="Default: backward moves allowed; skipping needs the skipped stages' criteria; won and lost deals may be reopened; winning needs exit criteria";
                node [shape=box, style=rounded];
                "prospecting" [label="Prospecting\n10% | Pipeline"];
                "qualified" [label="Qualified\n20% | Pipeline"];
                "proposal" [label="Proposal\n50% | BestCase"];
                "negotiation" [label="Negotiation\n80% | Commit"];
                "won" [label="Won\n100% | Closed", shape=doubleoctagon];
                "lost" [label="Lost\n0% | Omitted", shape=doubleoctagon];
                "prospecting" -> "qualified";
                "qualified" -> "proposal" [label="use-case, technical-fit, budget"];
                "proposal" -> "negotiation";
                "negotiation" -> "won";
                "qualified" -> "prospecting" [style=dotted, label="back"];
                "proposal" -> "prospecting" [style=dotted, label="back"];
                "proposal" -> "qualified" [style=dotted, label="back"];
                "negotiation" -> "prospecting" [style=dotted, label="back"];
                "negotiation" -> "qualified" [style=dotted, label="back"];
                "negotiation" -> "proposal" [style=dotted, label="back"];
                "prospecting" -> "lost" [style=dashed, label="lose"];
                "qualified" -> "lost" [style=dashed, label="lose"];
                "proposal" -> "lost" [style=dashed, label="lose"];
                "negotiation" -> "lost" [style=dashed, label="lose"];
            }
            """
        );

        Assert.Equal(expected, PipelineDefinition.Default.ToDot());
    }

    [Fact]
    public void ToMermaid_SkippingAllowedAndNoCriteriaToWin_DrawsJumpsAndChangesPolicyLines()
    {
        var expected = Lines(
            """
            stateDiagram-v2
                direction LR
                state "Call (12.5%, Pipeline)" as call
                state "Demo Done (60%, Commit)" as demo_done
                state "Closed Won (100%, Closed)" as closed_won
                state "Closed Lost (0%, Omitted)" as closed_lost
                [*] --> call
                call --> demo_done : reached
                call --> closed_won
                demo_done --> closed_won
                demo_done --> call : back
                call --> closed_lost : lose (reason)
                demo_done --> closed_lost : lose (reason)
                closed_won --> [*]
                closed_lost --> [*]
                note right of call
                    backward moves allowed
                    skipping allowed
                    won and lost deals may be reopened
                    winning needs no exit criteria
                end note
            """
        );

        Assert.Equal(expected, InsideSales().ToMermaid());
    }

    [Fact]
    public void ToDot_SkippingAllowedAndNoCriteriaToWin_DrawsJumpsAndChangesPolicyLabel()
    {
        var expected = Lines(
            """
            digraph "Inside Sales" {
                rankdir=LR;
                label="Inside Sales: backward moves allowed; skipping allowed; won and lost deals may be reopened; winning needs no exit criteria";
                node [shape=box, style=rounded];
                "call" [label="Call\n12.5% | Pipeline"];
                "demo-done" [label="Demo Done\n60% | Commit"];
                "closed-won" [label="Closed Won\n100% | Closed", shape=doubleoctagon];
                "closed-lost" [label="Closed Lost\n0% | Omitted", shape=doubleoctagon];
                "call" -> "demo-done" [label="reached"];
                "call" -> "closed-won";
                "demo-done" -> "closed-won";
                "demo-done" -> "call" [style=dotted, label="back"];
                "call" -> "closed-lost" [style=dashed, label="lose"];
                "demo-done" -> "closed-lost" [style=dashed, label="lose"];
            }
            """
        );

        Assert.Equal(expected, InsideSales().ToDot());
    }

    [Fact]
    public void ToMermaidAndToDot_ReopenForbidden_SayWonAndLostAreFinal()
    {
        var pipeline = InsideSales(allowReopen: false);

        Assert.Contains("\n        won and lost deals are final\n", pipeline.ToMermaid(), StringComparison.Ordinal);
        Assert.DoesNotContain("reopened", pipeline.ToMermaid(), StringComparison.Ordinal);
        Assert.Contains(
            "label=\"Inside Sales: backward moves allowed; skipping allowed; won and lost deals are final; winning needs no exit criteria\";",
            pipeline.ToDot(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ToMermaid_CriteriaRequiredToWin_LabelsTheLastEdgeWithItsCriteria()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("Close", 0.9m, exitCriteria: ["signed", "po"])
            .Won("Won")
            .Lost("Lost")
            .Build();

        Assert.Contains("\n    close --> won : signed, po\n", pipeline.ToMermaid(), StringComparison.Ordinal);
        Assert.Contains("\n    \"close\" -> \"won\" [label=\"signed, po\"];\n", pipeline.ToDot(), StringComparison.Ordinal);
    }

    // Mermaid has no backslash escapes (a backslash-quote is a parse error in a state description). A double quote
    // must be the entity code #quot;, ';' must be #59; (it ends a statement, so it would cut a transition label short),
    // '#' must be #35; (or "#1" followed by ';' would be read as an entity code), and a backslash is an ordinary
    // character.
    [Fact]
    public void ToMermaid_SpecialCharactersInNamesAndCriteria_AreWrittenAsMermaidEntityCodes()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("The \"Big\" Demo", 0.3m, id: "big-demo", exitCriteria: ["po#1;signed", "say \"yes\""])
            .Stage("Visit #1; Onsite", 0.4m, id: "visit")
            .Stage("Legal\\Finance", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .Build();

        var mermaid = pipeline.ToMermaid();

        Assert.Contains("\n    state \"The #quot;Big#quot; Demo (30%, Pipeline)\" as big_demo\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    state \"Visit #35;1#59; Onsite (40%, Pipeline)\" as visit\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    state \"Legal\\Finance (50%, Pipeline)\" as legal_finance\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    big_demo --> visit : po#35;1#59;signed, say #quot;yes#quot;\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("\\\"", mermaid, StringComparison.Ordinal);
    }

    // DOT quoted strings escape a double quote as \" and, in labels, a backslash as \\.
    [Fact]
    public void ToDot_SpecialCharactersInNames_AreBackslashEscaped()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("The \"A\" Team")
            .Stage("The \"Big\" Demo", 0.3m, id: "big-demo")
            .Stage("Legal\\Finance", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .Build();

        var dot = pipeline.ToDot();

        Assert.StartsWith("digraph \"The \\\"A\\\" Team\" {\n", dot, StringComparison.Ordinal);
        Assert.Contains("\n    \"big-demo\" [label=\"The \\\"Big\\\" Demo\\n30% | Pipeline\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("\n    \"legal-finance\" [label=\"Legal\\\\Finance\\n50% | Pipeline\"];\n", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_StageIdWithOtherCharacters_UsesUnderscoresInStateIds()
    {
        var pipeline = PipelineDefinition.CreateBuilder("P").Stage("Demo", 0.3m, id: "demo.v2/eu").Won("Won").Lost("Lost").Build();

        var mermaid = pipeline.ToMermaid();

        Assert.Contains("\n    state \"Demo (30%, Pipeline)\" as demo_v2_eu\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    demo_v2_eu --> won\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    \"demo.v2/eu\" -> \"won\";\n", pipeline.ToDot(), StringComparison.Ordinal);
    }

    // Without skipping a deal still passes through every open stage, but when winning needs no exit criteria it may win
    // from any stage: so the jumps to Won are drawn (unlabelled) and the jumps over open stages are not.
    [Fact]
    public void ToMermaid_NoSkippingAndNoCriteriaToWin_DrawsWinsFromEveryStageButNoJumpsOverOpenStages()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("Lead", 0.1m, exitCriteria: ["contact"])
            .Stage("Demo", 0.4m, exitCriteria: ["fit"])
            .Stage("Offer", 0.7m, ForecastCategory.Commit)
            .Won("Won")
            .Lost("Lost")
            .RequireExitCriteriaToWin(false)
            .Build();
        var expected = Lines(
            """
            stateDiagram-v2
                direction LR
                state "Lead (10%, Pipeline)" as lead
                state "Demo (40%, Pipeline)" as demo
                state "Offer (70%, Commit)" as offer
                state "Won (100%, Closed)" as won
                state "Lost (0%, Omitted)" as lost
                [*] --> lead
                lead --> demo : contact
                lead --> won
                demo --> offer : fit
                demo --> won
                offer --> won
                demo --> lead : back
                offer --> lead : back
                offer --> demo : back
                lead --> lost : lose (reason)
                demo --> lost : lose (reason)
                offer --> lost : lose (reason)
                won --> [*]
                lost --> [*]
                note right of lead
                    backward moves allowed
                    skipping needs the skipped stages' criteria
                    won and lost deals may be reopened
                    winning needs no exit criteria
                end note
            """
        );

        Assert.Equal(expected, pipeline.ToMermaid());
    }

    // "a-b", "a_b" and "a.b" all become the state id "a_b": the first keeps it, the next get "_2" and "_3".
    [Fact]
    public void ToMermaid_ThreeStageIdsWithOneStateId_AreNumberedUpward()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("First", 0.2m, id: "a-b")
            .Stage("Second", 0.4m, id: "a_b")
            .Stage("Third", 0.6m, id: "a.b")
            .Won("Won")
            .Lost("Lost")
            .Build();

        var mermaid = pipeline.ToMermaid();

        Assert.Contains("\n    state \"First (20%, Pipeline)\" as a_b\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    state \"Second (40%, Pipeline)\" as a_b_2\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    state \"Third (60%, Pipeline)\" as a_b_3\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\n    a_b --> a_b_2\n    a_b_2 --> a_b_3\n    a_b_3 --> won\n", mermaid, StringComparison.Ordinal);
    }
}
