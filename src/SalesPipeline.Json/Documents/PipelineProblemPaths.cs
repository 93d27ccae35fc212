using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Documents;

// PipelineBuilder reports problems as sentences that start with the stage's label ("Stage \"Proposal\" has probability
// 1.5; ..."). The field a problem is about is found by rebuilding, for each stage read, the sentence's opening with that
// stage's own values; the first stage and field whose opening matches is named. A problem this does not recognise is
// still an error, named at ".stages" or at the document (never dropped). Paths are relative to the document. Blank
// names and ids never reach the builder: the document refuses them first, at their field.
internal static class PipelineProblemPaths
{
    public static string Locate(string problem, IReadOnlyList<StageSpec> stages)
    {
        // "QuoteStages names on-sent stage ..." / "... on-accepted stage ...": the builder's sentences for QuoteStages.
        if (problem.StartsWith("QuoteStages names on-sent stage", StringComparison.Ordinal))
        {
            return ".quoteStages.onSent";
        }
        if (problem.StartsWith("QuoteStages names on-accepted stage", StringComparison.Ordinal))
        {
            return ".quoteStages.onAccepted";
        }
        foreach (var kind in new[] { StageKind.Won, StageKind.Lost })
        {
            if (problem.StartsWith($"A pipeline has exactly one {kind} stage", StringComparison.Ordinal))
            {
                var second = stages.Select((s, i) => (s, i)).Where(x => x.s.Kind == kind).Skip(1).Select(x => x.i).FirstOrDefault(-1);
                return second >= 0 ? $"{At(second)}.kind" : ".stages";
            }
        }
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (FieldOf(problem, stage, Label(stage)) is { } field)
            {
                return $"{At(i)}.{field}";
            }
        }
        return LocateRepeat(problem, stages, "The stage id", s => s.Id, StringComparer.Ordinal, "id")
            ?? LocateRepeat(problem, stages, "The stage name", s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase, "name")
            ?? (problem.StartsWith("A pipeline", StringComparison.Ordinal) ? ".stages" : "");
    }

    private static string At(int index) => $".stages[{index.ToString(CultureInfo.InvariantCulture)}]";

    // The builder's labels: "Stage \"Proposal\"", "Won stage \"Won\"", "Lost stage \"Lost\"".
    private static string Label(StageSpec stage) =>
        stage.Kind switch
        {
            StageKind.Won => $"Won stage \"{stage.Name}\"",
            StageKind.Lost => $"Lost stage \"{stage.Name}\"",
            _ => $"Stage \"{stage.Name}\"",
        };

    private static string? FieldOf(string problem, StageSpec stage, string label)
    {
        bool Opens(string rest) => problem.StartsWith($"{label} {rest}", StringComparison.Ordinal);
        if (Opens($"has id \"{stage.Id}\";"))
        {
            return "id";
        }
        if (stage.Kind != StageKind.Open)
        {
            return null;
        }
        if (Opens($"has probability {stage.Probability.ToString(CultureInfo.InvariantCulture)};"))
        {
            return "probability";
        }
        if (Opens("has category "))
        {
            return "category";
        }
        if (stage.RottingAfter is { } rot && Opens($"has rotting threshold {rot};"))
        {
            return "rottingAfter";
        }
        // The builder names the stage of the repeat; when the first use is in the same stage, the repeat is its second.
        foreach (var id in stage.ExitCriteria.Select(c => c.Id).Distinct())
        {
            if (
                problem.StartsWith($"Exit criterion id \"{id}\" is used more than once", StringComparison.Ordinal)
                && problem.Contains($" and {label});", StringComparison.Ordinal)
            )
            {
                var occurrence = problem.Contains($"(in {label} and {label});", StringComparison.Ordinal) ? 2 : 1;
                var index = stage.ExitCriteria.Select((c, i) => (c.Id, i)).Where(x => x.Id == id).Skip(occurrence - 1).First().i;
                return $"exitCriteria[{index.ToString(CultureInfo.InvariantCulture)}].id";
            }
        }
        return null;
    }

    // A repeated id or name is named where it is repeated: at the second stage that has it.
    private static string? LocateRepeat(
        string problem,
        IReadOnlyList<StageSpec> stages,
        string opening,
        Func<StageSpec, string> key,
        StringComparer comparer,
        string field
    )
    {
        if (!problem.StartsWith(opening, StringComparison.Ordinal))
        {
            return null;
        }
        var seen = new HashSet<string>(comparer);
        for (var i = 0; i < stages.Count; i++)
        {
            var value = key(stages[i]);
            if (value.Length > 0 && !seen.Add(value) && problem.StartsWith($"{opening} \"", StringComparison.Ordinal))
            {
                var quoted = problem[(opening.Length + 2)..];
                if (
                    quoted.StartsWith(
                        value + "\"",
                        comparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase
                    )
                )
                {
                    return $"{At(i)}.{field}";
                }
            }
        }
        return ".stages";
    }
}
