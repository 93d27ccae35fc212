using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Pipelines;

/// <summary>
/// Collects the stages and policies of a pipeline and builds an immutable, validated <see cref="PipelineDefinition"/>.
/// </summary>
/// <remarks>
/// <para>Nothing is checked until <see cref="Build"/>, which reports every problem at once in a
/// <see cref="PipelineDefinitionException"/>. A builder is mutable and not thread-safe; the definition it builds is
/// both immutable and thread-safe, and the builder may be reused after <see cref="Build"/>.</para>
/// <example><code>
/// var pipeline = PipelineDefinition.CreateBuilder("Enterprise")
///     .Stage("Prospecting", probability: 0.10m, category: ForecastCategory.Pipeline)
///     .Stage("Qualified", 0.20m, exitCriteria: ["use-case", "technical-fit", "budget"])
///     .Stage("Proposal", 0.50m, ForecastCategory.BestCase)
///     .Won("Closed Won").Lost("Closed Lost")
///     .Build();
/// </code></example>
/// </remarks>
public sealed class PipelineBuilder
{
    private readonly string name;
    private readonly List<StageSpec> openStages = [];
    private readonly List<(string Name, string? Id)> won = [];
    private readonly List<(string Name, string? Id)> lost = [];
    private PipelinePolicies policies = PipelinePolicies.Default;
    private QuoteStageMoves quoteStages = QuoteStageMoves.None;

    internal PipelineBuilder(string name) => this.name = name;

    private sealed record StageSpec(
        string? Name,
        string? Id,
        decimal Probability,
        ForecastCategory Category,
        IReadOnlyList<ExitCriterion?> ExitCriteria,
        Duration? RottingAfter
    );

    /// <summary>Adds the next open stage.</summary>
    /// <param name="name">The display name, for example "Proposal"; unique in the pipeline, ignoring case, width, invisible characters and look-alike letters ("Ｐｒｏｐｏｓａｌ" and "Prоposal" with a Cyrillic "о" are the same name as "Proposal").</param>
    /// <param name="probability">The default win probability of deals in the stage, in [0, 1] (0.5 for 50%).</param>
    /// <param name="category">The default forecast category; <see cref="ForecastCategory.Closed"/> is reserved for the Won stage.</param>
    /// <param name="exitCriteria">The questions to answer "yes" before leaving the stage forward; ids unique across the pipeline.</param>
    /// <param name="id">The stable id; by default the name's letters and digits (any script) in lower case, with each run of other characters turned into one hyphen and none at either end: "Needs Analysis" becomes "needs-analysis", "Négociation" becomes "négociation". Not confusable with another stage's id, of one script, with no invisible characters (see <see cref="Build"/>).</param>
    /// <param name="rottingAfter">How long a deal may stay in the stage before it counts as rotting; positive, or null when the stage sets no limit of its own (<c>PipelineHealth</c> then applies <c>HealthPolicy</c>'s default).</param>
    /// <returns>This builder.</returns>
    public PipelineBuilder Stage(
        string name,
        decimal probability,
        ForecastCategory category = ForecastCategory.Pipeline,
        IEnumerable<ExitCriterion>? exitCriteria = null,
        string? id = null,
        Duration? rottingAfter = null
    )
    {
        openStages.Add(new StageSpec(name, id, probability, category, exitCriteria?.ToArray() ?? [], rottingAfter));
        return this;
    }

    /// <summary>Sets the Won stage (probability 1, category Closed).</summary>
    /// <param name="name">The display name, for example "Closed Won".</param>
    /// <param name="id">The stable id; by default derived from the name as for <see cref="Stage"/>.</param>
    /// <returns>This builder.</returns>
    public PipelineBuilder Won(string name, string? id = null)
    {
        won.Add((name, id));
        return this;
    }

    /// <summary>Sets the Lost stage (probability 0, category Omitted).</summary>
    /// <param name="name">The display name, for example "Closed Lost".</param>
    /// <param name="id">The stable id; by default derived from the name as for <see cref="Stage"/>.</param>
    /// <returns>This builder.</returns>
    public PipelineBuilder Lost(string name, string? id = null)
    {
        lost.Add((name, id));
        return this;
    }

    /// <summary>Sets all move policies at once.</summary>
    /// <param name="value">The policies.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public PipelineBuilder WithPolicies(PipelinePolicies value)
    {
        policies = Preconditions.CheckNotNull(value);
        return this;
    }

    /// <summary>Sets whether deals may jump forward over stages without the skipped stages' exit criteria.</summary>
    /// <param name="allow">True to allow skipping.</param>
    /// <returns>This builder.</returns>
    public PipelineBuilder AllowSkipping(bool allow = true)
    {
        policies = policies with { AllowSkipping = allow };
        return this;
    }

    /// <summary>Sets whether won and lost deals may be reopened.</summary>
    /// <param name="allow">True to allow reopening.</param>
    /// <returns>This builder.</returns>
    public PipelineBuilder AllowReopen(bool allow = true)
    {
        policies = policies with { AllowReopen = allow };
        return this;
    }

    /// <summary>Sets whether winning a deal needs the exit criteria (see <see cref="PipelinePolicies.RequireExitCriteriaToWin"/>).</summary>
    /// <param name="require">True to require them.</param>
    /// <returns>This builder.</returns>
    public PipelineBuilder RequireExitCriteriaToWin(bool require = true)
    {
        policies = policies with { RequireExitCriteriaToWin = require };
        return this;
    }

    /// <summary>
    /// Sets the stage moves that quotes drive: when a quote for a deal is sent, the deal moves forward to
    /// <paramref name="onSent"/> if it is before it; when a quote is accepted, the deal's amount becomes the quote total and
    /// it moves forward to <paramref name="onAccepted"/>, or is won when that is the Won stage's id.
    /// </summary>
    /// <param name="onSent">The id of an open stage ("quote issued"), or null for no move on sending.</param>
    /// <param name="onAccepted">The id of an open stage after <paramref name="onSent"/> ("contract signed") or of the Won stage, or null for no move on acceptance.</param>
    /// <returns>This builder.</returns>
    /// <remarks>The ids are checked by <see cref="Build"/>.</remarks>
    /// <example><code>.QuoteStages(onSent: "proposal", onAccepted: "won")</code></example>
    public PipelineBuilder QuoteStages(string? onSent = null, string? onAccepted = null)
    {
        quoteStages = new QuoteStageMoves(onSent, onAccepted);
        return this;
    }

    /// <summary>Validates everything and builds the immutable definition.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="PipelineDefinitionException">
    /// The definition has one or more problems (all are listed): an empty pipeline name, no open stage, a missing or
    /// repeated Won or Lost stage, an empty or repeated stage name or id, a probability outside [0, 1], the Closed
    /// category on an open stage, an undefined category, a repeated exit criterion id, a rotting threshold that is
    /// not positive, or names and ids that look alike: two stage names equal after NFKC, case folding and removing
    /// invisible characters, or confusable (Unicode TR39 skeletons); two stage ids or two exit criterion ids that are
    /// confusable; a stage or criterion id that mixes scripts (TR39 "highly restrictive") or holds an invisible or
    /// control character; or a quote stage (<see cref="QuoteStages"/>) that is not a stage of the pipeline, an
    /// on-sent stage that is not open, an on-accepted stage that is the Lost stage, or an on-accepted open stage that is
    /// not after the on-sent stage.
    /// </exception>
    public PipelineDefinition Build()
    {
        var problems = new List<string>();
        if (LookAlikes.IsBlank(name))
        {
            problems.Add("The pipeline name must not be empty.");
        }
        if (openStages.Count == 0)
        {
            problems.Add("A pipeline needs at least one open stage; none was added.");
        }
        CheckTerminal(won, "Won", problems);
        CheckTerminal(lost, "Lost", problems);

        var stages = new List<Stage>();
        var criterionOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < openStages.Count; i++)
        {
            var spec = openStages[i];
            var label = LookAlikes.IsBlank(spec.Name) ? $"Open stage {i + 1}" : $"Stage \"{spec.Name}\"";
            var id = ResolveId(spec.Name, spec.Id, label, problems);
            if (spec.Probability < 0m || spec.Probability > 1m)
            {
                problems.Add(
                    $"{label} has probability {spec.Probability.ToString(CultureInfo.InvariantCulture)}; a probability must be between 0 and 1 inclusive (0.5 for 50%)."
                );
            }
            if (!Enum.IsDefined(spec.Category))
            {
                problems.Add($"{label} has category {(int)spec.Category}, which is not a defined ForecastCategory.");
            }
            else if (spec.Category == ForecastCategory.Closed)
            {
                problems.Add(
                    $"{label} has category Closed, which is reserved for the Won stage; use Commit for open deals the rep is sure of."
                );
            }
            if (spec.RottingAfter is { } rot && rot <= Duration.Zero)
            {
                problems.Add(
                    $"{label} has rotting threshold {rot}; it must be positive, or null when the stage sets no limit of its own (<c>PipelineHealth</c> then applies <c>HealthPolicy</c>'s default)."
                );
            }
            var criteria = new List<ExitCriterion>();
            for (var c = 0; c < spec.ExitCriteria.Count; c++)
            {
                var criterion = spec.ExitCriteria[c];
                if (criterion is null)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: exit criterion {c} is null."));
                    continue;
                }
                if (criterionOwners.TryGetValue(criterion.Id, out var owner))
                {
                    problems.Add(
                        $"Exit criterion id \"{criterion.Id}\" is used more than once (in {owner} and {label}); ids must be unique across the pipeline."
                    );
                    continue;
                }
                criterionOwners[criterion.Id] = label;
                criteria.Add(criterion);
            }
            stages.Add(
                new Stage(
                    id ?? "",
                    spec.Name ?? "",
                    StageKind.Open,
                    i,
                    spec.Probability,
                    spec.Category,
                    criteria.AsReadOnly(),
                    spec.RottingAfter
                )
            );
        }
        if (won.Count > 0)
        {
            var (wonName, wonId) = won[^1];
            var id = ResolveId(wonName, wonId, $"Won stage \"{wonName}\"", problems);
            stages.Add(new Stage(id ?? "", wonName ?? "", StageKind.Won, openStages.Count, 1m, ForecastCategory.Closed, [], null));
        }
        if (lost.Count > 0)
        {
            var (lostName, lostId) = lost[^1];
            var id = ResolveId(lostName, lostId, $"Lost stage \"{lostName}\"", problems);
            stages.Add(new Stage(id ?? "", lostName ?? "", StageKind.Lost, openStages.Count + 1, 0m, ForecastCategory.Omitted, [], null));
        }
        CheckUnique(stages.Where(s => s.Id.Length > 0).Select(s => s.Id), StringComparer.Ordinal, "stage id", problems);
        CheckUnique(
            stages.Where(s => s.Name.Trim().Length > 0).Select(s => s.Name.Trim()),
            StringComparer.OrdinalIgnoreCase,
            "stage name",
            problems
        );
        LookAlikes.CheckIds(stages.Where(s => s.Id.Length > 0).Select(s => s.Id), "stage id", problems);
        LookAlikes.CheckNames(stages.Where(s => s.Name.Trim().Length > 0).Select(s => s.Name.Trim()), "stage name", problems);
        LookAlikes.CheckIds(stages.SelectMany(s => s.ExitCriteria).Select(c => c.Id), "exit criterion id", problems);

        CheckQuoteStages(stages, problems);

        if (problems.Count > 0)
        {
            throw new PipelineDefinitionException(name, problems);
        }
        return new PipelineDefinition(name.Trim(), stages, policies, quoteStages);
    }

    // A quote drives a deal forward: sending into an open stage, accepting into a later open stage or into Won.
    private void CheckQuoteStages(List<Stage> stages, List<string> problems)
    {
        var (onSent, onAccepted) = (quoteStages.OnSent, quoteStages.OnAccepted);
        var ids = string.Join(", ", stages.Select(s => s.Id));
        var sent = onSent is null ? null : stages.Find(s => s.Id == onSent);
        var accepted = onAccepted is null ? null : stages.Find(s => s.Id == onAccepted);
        if (onSent is not null && sent is null)
        {
            problems.Add($"QuoteStages names on-sent stage \"{onSent}\", which is not a stage id of the pipeline ({ids}).");
        }
        else if (sent is { IsOpen: false })
        {
            problems.Add(
                $"QuoteStages names on-sent stage \"{onSent}\", which is the {sent.Kind} stage; sending a quote moves a deal into an open stage."
            );
        }
        if (onAccepted is not null && accepted is null)
        {
            problems.Add($"QuoteStages names on-accepted stage \"{onAccepted}\", which is not a stage id of the pipeline ({ids}).");
        }
        else if (accepted is { Kind: StageKind.Lost })
        {
            problems.Add(
                $"QuoteStages names on-accepted stage \"{onAccepted}\", which is the Lost stage; accepting a quote moves a deal into an open stage or wins it."
            );
        }
        else if (accepted is { IsOpen: true } && sent is { IsOpen: true } && accepted.Index <= sent.Index)
        {
            problems.Add(
                $"QuoteStages names on-accepted stage \"{onAccepted}\", which is not after on-sent stage \"{onSent}\"; a deal moves forward when its quote is accepted."
            );
        }
    }

    private static void CheckTerminal(List<(string Name, string? Id)> terminal, string kind, List<string> problems)
    {
        if (terminal.Count == 0)
        {
            problems.Add($"A pipeline needs a {kind} stage; call {kind}(name).");
        }
        else if (terminal.Count > 1)
        {
            problems.Add($"A pipeline has exactly one {kind} stage; {kind}(...) was called {terminal.Count} times.");
        }
    }

    private static string? ResolveId(string? name, string? id, string label, List<string> problems)
    {
        if (LookAlikes.IsBlank(name))
        {
            problems.Add($"{label} has no name; every stage needs a display name (one with a visible character).");
        }
        if (id is not null)
        {
            if (string.IsNullOrWhiteSpace(id) || id.Trim() != id)
            {
                problems.Add($"{label} has id \"{id}\"; an id must not be empty or start or end with whitespace.");
                return null;
            }
            return id;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var slug = Slug(name);
        if (slug.Length == 0)
        {
            problems.Add($"{label} has no letters or digits to derive an id from; pass id: explicitly.");
            return null;
        }
        return slug;
    }

    // Ids must survive renames of the display name in stored events, so they are derived once, plainly.
    internal static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var c in name.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }
                pendingHyphen = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return sb.ToString();
    }

    private static void CheckUnique(IEnumerable<string> values, StringComparer comparer, string what, List<string> problems)
    {
        foreach (var group in values.GroupBy(v => v, comparer).Where(g => g.Count() > 1))
        {
            problems.Add($"The {what} \"{group.Key}\" is used by {group.Count()} stages; each stage needs its own.");
        }
    }
}
