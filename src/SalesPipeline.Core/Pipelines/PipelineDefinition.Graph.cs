using System.Globalization;
using System.Linq;
using System.Text;

namespace SalesPipeline.Pipelines;

public sealed partial class PipelineDefinition
{
    /// <summary>
    /// Draws the pipeline as a Mermaid state diagram: each stage with its probability and default category; the forward
    /// moves labelled with the exit criteria they need (jumps over stages and wins from any stage too, when the policies
    /// allow them without those stages' criteria); the backward moves, labelled "back"; the moves to Lost; and a note
    /// with the policies. Reopening is in the note: where a deal reopens depends on its history.
    /// </summary>
    /// <returns>Mermaid text, lines separated by "\n", ending with a newline.</returns>
    /// <remarks>
    /// For <see cref="Default"/> the forward edges read, for example,
    /// <c>qualified --> proposal : use-case, technical-fit, budget</c>. State ids are the stage ids with every character
    /// other than an ASCII letter, digit or underscore replaced by an underscore; when two stage ids become the same
    /// that way, the later one gets "_2" (then "_3", ...) appended.
    /// </remarks>
    public string ToMermaid()
    {
        var ids = MermaidIds();
        string MermaidId(string stageId) => ids[stageId];
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        sb.Append("    direction LR\n");
        foreach (var stage in Stages)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"    state \"{MermaidText(stage.Name)} ({Percent(stage.Probability)}, {stage.Category})\" as {MermaidId(stage.Id)}\n"
            );
        }
        sb.Append(CultureInfo.InvariantCulture, $"    [*] --> {MermaidId(FirstOpenStage.Id)}\n");
        foreach (var (from, to, label) in ForwardEdges())
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"    {MermaidId(from.Id)} --> {MermaidId(to.Id)}{(label.Length > 0 ? " : " + MermaidText(label) : "")}\n"
            );
        }
        foreach (var (from, to) in BackwardEdges())
        {
            sb.Append(CultureInfo.InvariantCulture, $"    {MermaidId(from.Id)} --> {MermaidId(to.Id)} : back\n");
        }
        foreach (var stage in OpenStages)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    {MermaidId(stage.Id)} --> {MermaidId(LostStage.Id)} : lose (reason)\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"    {MermaidId(WonStage.Id)} --> [*]\n");
        sb.Append(CultureInfo.InvariantCulture, $"    {MermaidId(LostStage.Id)} --> [*]\n");
        sb.Append(CultureInfo.InvariantCulture, $"    note right of {MermaidId(FirstOpenStage.Id)}\n");
        foreach (var line in PolicyLines())
        {
            sb.Append(CultureInfo.InvariantCulture, $"        {line}\n");
        }
        sb.Append("    end note\n");
        return sb.ToString();
    }

    /// <summary>
    /// Draws the pipeline in Graphviz DOT: stages as nodes with probability and category, the same forward moves as
    /// <see cref="ToMermaid"/> labelled with the exit criteria they need, dotted "back" edges for backward moves, dashed
    /// edges to Lost, and the policies in the graph's label.
    /// </summary>
    /// <returns>DOT text, lines separated by "\n", ending with a newline.</returns>
    public string ToDot()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"digraph \"{Escape(Name)}\" {{\n");
        sb.Append("    rankdir=LR;\n");
        sb.Append(CultureInfo.InvariantCulture, $"    label=\"{Escape(Name)}: {string.Join("; ", PolicyLines())}\";\n");
        sb.Append("    node [shape=box, style=rounded];\n");
        foreach (var stage in Stages)
        {
            var shape = stage.IsOpen ? "" : ", shape=doubleoctagon";
            sb.Append(
                CultureInfo.InvariantCulture,
                $"    \"{Escape(stage.Id)}\" [label=\"{Escape(stage.Name)}\\n{Percent(stage.Probability)} | {stage.Category}\"{shape}];\n"
            );
        }
        foreach (var (from, to, label) in ForwardEdges())
        {
            var attributes = label.Length > 0 ? $" [label=\"{Escape(label)}\"]" : "";
            sb.Append(CultureInfo.InvariantCulture, $"    \"{Escape(from.Id)}\" -> \"{Escape(to.Id)}\"{attributes};\n");
        }
        foreach (var (from, to) in BackwardEdges())
        {
            sb.Append(CultureInfo.InvariantCulture, $"    \"{Escape(from.Id)}\" -> \"{Escape(to.Id)}\" [style=dotted, label=\"back\"];\n");
        }
        foreach (var stage in OpenStages)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"    \"{Escape(stage.Id)}\" -> \"{Escape(LostStage.Id)}\" [style=dashed, label=\"lose\"];\n"
            );
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    // Every forward move a deal can make: to the next stage, and further (including Won) when the policies let it
    // jump without passing through. Without skipping, a jump whose skipped criteria are met is also permitted, but it
    // is the same as passing through, so it is not drawn. Labels are the exit criteria the move needs.
    private System.Collections.Generic.IEnumerable<(Stage From, Stage To, string Label)> ForwardEdges()
    {
        var n = OpenStages.Count;
        for (var i = 0; i < n; i++)
        {
            var from = OpenStages[i];
            for (var j = i + 1; j <= n; j++)
            {
                var to = j < n ? OpenStages[j] : WonStage;
                var drawn = j == i + 1 || Policies.AllowSkipping || (!to.IsOpen && !Policies.RequireExitCriteriaToWin);
                if (drawn)
                {
                    var needsCriteria = to.IsOpen || Policies.RequireExitCriteriaToWin;
                    yield return (from, to, needsCriteria ? string.Join(", ", from.ExitCriteria.Select(c => c.Id)) : "");
                }
            }
        }
    }

    // Backward moves need nothing and may go to any earlier open stage.
    private System.Collections.Generic.IEnumerable<(Stage From, Stage To)> BackwardEdges()
    {
        for (var i = 1; i < OpenStages.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                yield return (OpenStages[i], OpenStages[j]);
            }
        }
    }

    private string[] PolicyLines() =>
        [
            "backward moves allowed",
            Policies.AllowSkipping ? "skipping allowed" : "skipping needs the skipped stages' criteria",
            Policies.AllowReopen ? "won and lost deals may be reopened" : "won and lost deals are final",
            Policies.RequireExitCriteriaToWin ? "winning needs exit criteria" : "winning needs no exit criteria",
        ];

    private static string Percent(decimal probability) => (probability * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    // Mermaid state ids allow ASCII letters, digits and underscores; stage ids that differ only in other characters
    // ("a-b" and "a_b") get a suffix ("a_b_2") so that each stage stays its own state.
    private System.Collections.Generic.Dictionary<string, string> MermaidIds()
    {
        var ids = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
        var taken = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var stage in Stages)
        {
            var candidate = new string(stage.Id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
            var id = candidate;
            for (var n = 2; !taken.Add(id); n++)
            {
                id = candidate + "_" + n.ToString(CultureInfo.InvariantCulture);
            }
            ids[stage.Id] = id;
        }
        return ids;
    }

    // Mermaid has no backslash escapes: special characters are written as entity codes, in one pass. '"' would end a
    // quoted state description, ';' ends a statement (and so cuts a transition label short), and '#' is escaped so
    // that text such as "#1;" is not itself read as an entity code.
    private static string MermaidText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => sb.Append("#quot;"),
                '#' => sb.Append("#35;"),
                ';' => sb.Append("#59;"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    // DOT quoted strings: a double quote is \" and, in labels, a backslash is \\.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", System.StringComparison.Ordinal).Replace("\"", "\\\"", System.StringComparison.Ordinal);
}
